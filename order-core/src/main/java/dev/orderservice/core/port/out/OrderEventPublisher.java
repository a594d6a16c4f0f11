package dev.orderservice.core.port.out;

import dev.orderservice.core.domain.OrderDomainEvent;
import java.util.List;

/**
 * Publishes domain events to the services that subscribe to them.
 *
 * <p>Delivery is at least once. A caller that publishes an event again after a failure may deliver it twice,
 * and so may the transport itself, so subscribers tell events apart by order id and version.
 *
 * <p>{@code OrderEventPublisherContract} in this module's test-jar is the executable form of this contract.
 */
public interface OrderEventPublisher {

    /**
     * Publishes the events in the order given, retrying transient failures a bounded number of times.
     *
     * <p>An implementation may stop at its first event that still fails after its retries and report every
     * later event as unpublished as well, so that a caller retrying from the first failure repeats less.
     *
     * @return the events that were not published, in the order given; empty when every event was published
     */
    List<OrderDomainEvent> publish(List<OrderDomainEvent> events);
}
