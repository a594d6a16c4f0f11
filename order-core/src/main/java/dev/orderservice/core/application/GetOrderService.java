package dev.orderservice.core.application;

import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.OrderException;
import dev.orderservice.core.domain.OrderId;
import dev.orderservice.core.port.in.GetOrderUseCase;
import dev.orderservice.core.port.out.OrderRepository;
import jakarta.inject.Inject;

/** Reads one order from the store. */
public final class GetOrderService implements GetOrderUseCase {

    private final OrderRepository orders;

    @Inject
    public GetOrderService(OrderRepository orders) {
        this.orders = orders;
    }

    @Override
    public Order get(OrderId orderId) {
        return orders.findById(orderId).orElseThrow(() -> OrderException.notFound(orderId));
    }
}
