package dev.orderservice.core.application;

import dev.orderservice.core.port.in.ListOrdersQuery;
import dev.orderservice.core.port.in.ListOrdersUseCase;
import dev.orderservice.core.port.out.OrderPage;
import dev.orderservice.core.port.out.OrderRepository;
import jakarta.inject.Inject;

/** Reads a page of a customer's orders from the store. */
public final class ListOrdersService implements ListOrdersUseCase {

    private final OrderRepository orders;

    @Inject
    public ListOrdersService(OrderRepository orders) {
        this.orders = orders;
    }

    @Override
    public OrderPage list(ListOrdersQuery query) {
        return orders.findByCustomer(query.customerId(), query.limit(), query.cursor().orElse(null));
    }
}
