package dev.orderservice.core.port.out.contract;

import static dev.orderservice.core.port.out.contract.TestOrders.JPY;
import static dev.orderservice.core.port.out.contract.TestOrders.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderservice.core.domain.OrderDomainEvent;
import dev.orderservice.core.domain.OrderStatus;
import dev.orderservice.core.port.out.OrderEventPublisher;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The behaviour that every {@link OrderEventPublisher} must show when its transport accepts every event, as
 * tests. An adapter's test class extends this one, implements {@link #newPublisher()} and
 * {@link #receivedEvents()}, and tests its own failures separately.
 */
public abstract class OrderEventPublisherContract {

    /** Returns a publisher whose transport accepts every event. It is called at most once per test. */
    protected abstract OrderEventPublisher newPublisher();

    /** Returns the events that the transport received from the publisher so far, decoded, in the order received. */
    protected abstract List<OrderDomainEvent> receivedEvents();

    @Test
    void publish_of_nothing_reports_no_failure() {
        OrderEventPublisher publisher = newPublisher();

        assertThat(publisher.publish(List.of())).isEmpty();
        assertThat(receivedEvents()).isEmpty();
    }

    @Test
    void publish_delivers_exact_fields() {
        OrderEventPublisher publisher = newPublisher();
        List<OrderDomainEvent> events = new ArrayList<>();
        for (OrderStatus status : OrderStatus.values()) {
            events.add(OrderDomainEvent.announcing(anOrder().status(status).build()));
        }
        events.add(OrderDomainEvent.announcing(anOrder().currency(JPY).build()));

        List<OrderEventPublisher.Failure> failed = publisher.publish(events);

        assertThat(failed).isEmpty();
        assertThat(receivedEvents()).containsExactlyElementsOf(events);
    }

    @Test
    void publish_delivers_large_batch_in_order() {
        OrderEventPublisher publisher = newPublisher();
        List<OrderDomainEvent> events = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            events.add(OrderDomainEvent.announcing(anOrder().build()));
        }

        List<OrderEventPublisher.Failure> failed = publisher.publish(events);

        assertThat(failed).isEmpty();
        assertThat(receivedEvents()).containsExactlyElementsOf(events);
    }
}
