package dev.orderservice.core.port.in;

import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.OrderEvent;

/** Moves an order through its life cycle on an event from a payment or shipping service. */
public interface ApplyOrderEventUseCase {

    /**
     * Applies the event; a repeat of an event already applied returns the order unchanged.
     *
     * @throws dev.orderservice.core.domain.OrderException {@code NOT_FOUND} for an unknown order (which may not be
     *     stored yet); {@code CONFLICT} for a move the order's status does not allow
     */
    AppliedEvent apply(OrderEvent event);

    /**
     * The order as stored after the event, and whether the event was a repeat that changed nothing. A repeat is an
     * event whose id the order has already applied, or whose target status the order already has.
     */
    record AppliedEvent(Order order, boolean repeated) {
    }
}
