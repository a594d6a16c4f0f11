package dev.orderservice.adapter.inmemory;

import dev.orderservice.core.domain.CustomerId;
import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.OrderId;
import dev.orderservice.core.port.out.OrderPage;
import dev.orderservice.core.port.out.OrderRepository;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A repository that lets another writer change an order between a use case's read and its update, to test how
 * the use case decides again on the newer version. It is meant for one test thread at a time.
 */
final class RacingOrderRepository implements OrderRepository {

    private final OrderRepository store = new InMemoryOrderRepository();
    private UnaryOperator<Order> rivalChange = UnaryOperator.identity();
    private int racesLeft;
    private int updateCalls;

    /** Makes a rival store {@code change} of the current order just before each of the next {@code races} updates. */
    void raceNextUpdates(int races, UnaryOperator<Order> change) {
        this.racesLeft = races;
        this.rivalChange = change;
    }

    int updateCalls() {
        return updateCalls;
    }

    @Override
    public void update(Order order, long expectedVersion) {
        updateCalls++;
        if (racesLeft > 0) {
            racesLeft--;
            Order current = store.findById(order.id()).orElseThrow();
            store.update(rivalChange.apply(current), current.version());
        }
        store.update(order, expectedVersion);
    }

    @Override
    public Placement createIfAbsent(Order order, String requestFingerprint) {
        return store.createIfAbsent(order, requestFingerprint);
    }

    @Override
    public Optional<Order> findById(OrderId orderId) {
        return store.findById(orderId);
    }

    @Override
    public Optional<Placement> findPlacement(OrderId orderId) {
        return store.findPlacement(orderId);
    }

    @Override
    public OrderPage findByCustomer(CustomerId customerId, int limit, String cursor) {
        return store.findByCustomer(customerId, limit, cursor);
    }
}
