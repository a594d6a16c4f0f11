package dev.orderservice.core.port.in;

import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.OrderId;

/** Reads one order. */
public interface GetOrderUseCase {

    /** @throws dev.orderservice.core.domain.OrderException {@code NOT_FOUND} when there is no such order */
    Order get(OrderId orderId);
}
