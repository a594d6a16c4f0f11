package dev.orderservice.core.port.in;

import dev.orderservice.core.domain.Order;

/** Cancels an order that has not shipped yet. Cancelling a cancelled order changes nothing. */
public interface CancelOrderUseCase {

    /**
     * @throws dev.orderservice.core.domain.OrderException {@code NOT_FOUND}; {@code STALE_VERSION} when the
     *     expected version is not the stored one; {@code CONFLICT} for a shipped or delivered order
     */
    Order cancel(CancelOrderCommand command);
}
