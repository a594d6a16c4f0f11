package dev.orderservice.lambda;

import dev.orderservice.core.domain.CustomerId;
import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.OrderException;
import dev.orderservice.core.domain.OrderId;
import dev.orderservice.core.port.out.OrderPage;
import dev.orderservice.core.port.out.OrderRepository;
import java.util.Optional;

/**
 * An order repository in front of a real one that starts failing after a set number of calls, as an unreachable
 * store fails, until it recovers. It is meant for one test thread at a time.
 */
final class StoreOutage implements OrderRepository {

    private final OrderRepository store;
    private int callsBeforeOutage = Integer.MAX_VALUE;

    StoreOutage(OrderRepository store) {
        this.store = store;
    }

    /** Lets the next {@code calls} calls through and fails every later one with {@code UNAVAILABLE}. */
    void startAfter(int calls) {
        callsBeforeOutage = calls;
    }

    void recover() {
        callsBeforeOutage = Integer.MAX_VALUE;
    }

    @Override
    public Placement createIfAbsent(Order order, String requestFingerprint) {
        pass();
        return store.createIfAbsent(order, requestFingerprint);
    }

    @Override
    public void update(Order order, long expectedVersion) {
        pass();
        store.update(order, expectedVersion);
    }

    @Override
    public Optional<Order> findById(OrderId orderId) {
        pass();
        return store.findById(orderId);
    }

    @Override
    public Optional<Placement> findPlacement(OrderId orderId) {
        pass();
        return store.findPlacement(orderId);
    }

    @Override
    public OrderPage findByCustomer(CustomerId customerId, int limit, String cursor) {
        pass();
        return store.findByCustomer(customerId, limit, cursor);
    }

    private void pass() {
        if (callsBeforeOutage <= 0) {
            throw OrderException.unavailable("the store is unreachable during this test's outage", null);
        }
        callsBeforeOutage--;
    }
}
