package dev.orderservice.adapter.inmemory;

import dev.orderservice.core.domain.OrderDomainEvent;
import dev.orderservice.core.port.out.OrderEventPublisher;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link OrderEventPublisher} that keeps every event in memory, for tests and for trying the service out
 * without a message bus. It never fails, and it is safe to use from several threads.
 */
public final class InMemoryOrderEventPublisher implements OrderEventPublisher {

    private final List<OrderDomainEvent> published = new ArrayList<>();

    @Override
    public List<Failure> publish(List<OrderDomainEvent> events) {
        List<OrderDomainEvent> copy = List.copyOf(events);
        synchronized (published) {
            published.addAll(copy);
        }
        return List.of();
    }

    /** Returns every event published so far, in the order published. */
    public List<OrderDomainEvent> published() {
        synchronized (published) {
            return List.copyOf(published);
        }
    }
}
