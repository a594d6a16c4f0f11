package dev.orderservice.adapter.eventbridge;

import dev.orderservice.core.domain.OrderDomainEvent;
import dev.orderservice.core.port.out.OrderEventPublisher;
import dev.orderservice.core.port.out.contract.OrderEventPublisherContract;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

class EventBridgeOrderEventPublisherContractTest extends OrderEventPublisherContract {

    private final PutEventsTestServer server = PutEventsTestServer.start();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Override
    protected OrderEventPublisher newPublisher() {
        return TestPublishers.publisher(server);
    }

    @Override
    protected List<OrderDomainEvent> receivedEvents() {
        return server.receivedEvents();
    }
}
