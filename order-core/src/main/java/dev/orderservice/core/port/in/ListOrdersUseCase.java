package dev.orderservice.core.port.in;

import dev.orderservice.core.port.out.OrderPage;

/** Lists a customer's orders, newest first, a page at a time. */
public interface ListOrdersUseCase {

    /** @throws dev.orderservice.core.domain.OrderException {@code INVALID} for a cursor the service did not issue */
    OrderPage list(ListOrdersQuery query);
}
