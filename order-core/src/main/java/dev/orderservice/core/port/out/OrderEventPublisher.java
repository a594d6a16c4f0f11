package dev.orderservice.core.port.out;

import dev.orderservice.core.domain.OrderDomainEvent;
import java.util.List;
import java.util.Objects;

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
     * @return the events that were not published, in the order given, or an empty list when every event was
     *     published
     */
    List<Failure> publish(List<OrderDomainEvent> events);

    /**
     * An event that was not published.
     *
     * @param reason why, for a log line, such as the transport's error code and message
     */
    record Failure(OrderDomainEvent event, String reason) {

        public Failure {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
