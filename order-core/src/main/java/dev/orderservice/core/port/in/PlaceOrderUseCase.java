package dev.orderservice.core.port.in;

import dev.orderservice.core.domain.Order;

/** Places an order: prices its lines from the catalog, computes its totals and stores it. */
public interface PlaceOrderUseCase {

    /**
     * Places the order, or returns the one that an earlier request with the same idempotency key placed.
     *
     * @throws dev.orderservice.core.domain.OrderException {@code REJECTED} for an unknown or unavailable SKU, a
     *     currency other than the catalog's, or an idempotency key reused with another request
     */
    PlacedOrder place(PlaceOrderCommand command);

    /** The placed order, and whether it is a replay of an earlier placement with the same idempotency key. */
    record PlacedOrder(Order order, boolean replayed) {
    }
}
