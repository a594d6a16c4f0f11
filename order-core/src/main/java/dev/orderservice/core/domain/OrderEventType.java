package dev.orderservice.core.domain;

import java.util.Optional;

/** The kinds of event, sent by payment and shipping services, that move an order through its life cycle. */
public enum OrderEventType {
    PAYMENT_CAPTURED("PaymentCaptured", OrderStatus.PAID),
    PAYMENT_FAILED("PaymentFailed", OrderStatus.CANCELLED),
    ORDER_SHIPPED("OrderShipped", OrderStatus.SHIPPED),
    ORDER_DELIVERED("OrderDelivered", OrderStatus.DELIVERED);

    private final String wireName;
    private final OrderStatus target;

    OrderEventType(String wireName, OrderStatus target) {
        this.wireName = wireName;
        this.target = target;
    }

    /** Returns the name in event JSON, such as {@code PaymentCaptured}. */
    public String wireName() {
        return wireName;
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
