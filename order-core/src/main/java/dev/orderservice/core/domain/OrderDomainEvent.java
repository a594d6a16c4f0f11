package dev.orderservice.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A fact about an order that other services subscribe to: the order was placed, or its status changed.
 *
 * <p>{@link #forChange} is the one rule that decides which change of a stored order becomes an event. Consumers
 * may receive an event more than once, so the order id and the version identify it.
 *
 * @param occurredAt when the order reached the status, which is its {@code updatedAt}
 */
public record OrderDomainEvent(Type type, OrderId orderId, CustomerId customerId, Money total, long version,
        Instant occurredAt) {

    /** The kinds of event, one per status that an order can reach. */
    public enum Type {
        ORDER_PLACED("OrderPlaced", OrderStatus.PLACED),
        ORDER_PAID("OrderPaid", OrderStatus.PAID),
        ORDER_SHIPPED("OrderShipped", OrderStatus.SHIPPED),
        ORDER_DELIVERED("OrderDelivered", OrderStatus.DELIVERED),
        ORDER_CANCELLED("OrderCancelled", OrderStatus.CANCELLED);

        private final String wireName;
        private final OrderStatus status;

        Type(String wireName, OrderStatus status) {
            this.wireName = wireName;
            this.status = status;
        }

        /** Returns the name that subscribers see, such as {@code OrderPlaced}. */
        public String wireName() {
            return wireName;
        }

        /** Returns the status that an order has when this event is published. */
        public OrderStatus status() {
            return status;
        }

        /** Returns the event type that announces an order reaching {@code status}. */
        public static Type announcing(OrderStatus status) {
            for (Type type : values()) {
                if (type.status == status) {
                    return type;
                }
            }
            throw new IllegalArgumentException("no event type announces " + status);
        }
    }

    public OrderDomainEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1, was " + version);
        }
    }

    /** Returns the event that announces the order's current status. */
    public static OrderDomainEvent announcing(Order order) {
        return new OrderDomainEvent(Type.announcing(order.status()), order.id(), order.customerId(),
                order.totals().total(), order.version(), order.updatedAt());
    }

    /**
     * Returns the event for one change of a stored order. A new order, or one whose status changed, announces
     * its current status. Any other change, such as recording a repeated event, announces nothing.
     *
     * @param previous the order before the change, or {@code null} when the change created it
     * @param current the order after the change
     * @throws IllegalArgumentException when the two orders have different ids
     */
    public static Optional<OrderDomainEvent> forChange(Order previous, Order current) {
        Objects.requireNonNull(current, "current");
        if (previous == null) {
            return Optional.of(announcing(current));
        }
        if (!previous.id().equals(current.id())) {
            throw new IllegalArgumentException("a change keeps the order id, but " + previous.id() + " became "
                    + current.id());
        }

        if (previous.status() == current.status()) {
            return Optional.empty();
        }
        return Optional.of(announcing(current));
    }
}
