package dev.orderservice.core.domain;

import java.util.EnumSet;
import java.util.Set;

/** Where an order is in its life cycle; the one place that owns which status may follow which. */
public enum OrderStatus {
    PLACED,
    PAID,
    SHIPPED,
    DELIVERED,
    CANCELLED;

    /** Returns whether an order in this status may move to {@code next}; staying put is not a move. */
    public boolean canMoveTo(OrderStatus next) {
        return successors().contains(next);
    }

    public boolean isFinal() {
        return successors().isEmpty();
    }

    private Set<OrderStatus> successors() {
        switch (this) {
            case PLACED:
                return EnumSet.of(PAID, CANCELLED);
            case PAID:
                return EnumSet.of(SHIPPED, CANCELLED);
            case SHIPPED:
                return EnumSet.of(DELIVERED);
            default:
                return EnumSet.noneOf(OrderStatus.class);
        }
    }
}
