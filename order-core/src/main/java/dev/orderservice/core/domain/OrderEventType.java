package dev.orderservice.core.domain;

import java.util.Optional;

/** The kinds of event, sent by payment and shipping services, that move an order through its life cycle. */
public enum OrderEventType {
    PAYMENT_CAPTURED("PaymentCaptured", OrderStatus.PLACED, OrderStatus.PAID),
    PAYMENT_FAILED("PaymentFailed", OrderStatus.PLACED, OrderStatus.CANCELLED),
    ORDER_SHIPPED("OrderShipped", OrderStatus.PAID, OrderStatus.SHIPPED),
    ORDER_DELIVERED("OrderDelivered", OrderStatus.SHIPPED, OrderStatus.DELIVERED);

    private final String wireName;
    private final OrderStatus source;
    private final OrderStatus target;

    OrderEventType(String wireName, OrderStatus source, OrderStatus target) {
        this.wireName = wireName;
        this.source = source;
        this.target = target;
    }

    /** Returns the name in event JSON, such as {@code PaymentCaptured}. */
    public String wireName() {
        return wireName;
    }

    /**
     * Returns the one status this event applies to. A payment failure that arrives after a later capture, for
     * example, must not cancel the paid order, although a paid order may be cancelled otherwise.
     */
    public OrderStatus source() {
        return source;
    }

    /** Returns the status an order has after this event. */
    public OrderStatus target() {
        return target;
    }

    public static Optional<OrderEventType> fromWireName(String name) {
        for (OrderEventType type : values()) {
            if (type.wireName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
