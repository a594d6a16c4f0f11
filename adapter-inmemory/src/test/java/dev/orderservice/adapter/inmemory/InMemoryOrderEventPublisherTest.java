package dev.orderservice.adapter.inmemory;

import dev.orderservice.core.domain.OrderDomainEvent;
import dev.orderservice.core.port.out.OrderEventPublisher;
import dev.orderservice.core.port.out.contract.OrderEventPublisherContract;
import java.util.List;

class InMemoryOrderEventPublisherTest extends OrderEventPublisherContract {

    private final InMemoryOrderEventPublisher publisher = new InMemoryOrderEventPublisher();

    @Override
    protected OrderEventPublisher newPublisher() {
        return publisher;
    }

    @Override
    protected List<OrderDomainEvent> receivedEvents() {
        return publisher.published();
    }
}
