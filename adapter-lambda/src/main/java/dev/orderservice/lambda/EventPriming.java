package dev.orderservice.lambda;

import dev.orderservice.core.domain.OrderException;
import dev.orderservice.core.domain.OrderId;
import dev.orderservice.core.port.in.ApplyOrderEventUseCase;
import dev.orderservice.http.json.OrderRequests;
import java.nio.charset.StandardCharsets;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Runs the event path once before Lambda SnapStart takes its snapshot, so that a restored environment starts with
 * the event reader, the use case and the store client loaded.
 *
 * <p>Priming writes nothing, because it applies an event to a random order id, which reads one item and finds no
 * order. It logs a warning only when the store returns anything else. Outside SnapStart and CRaC, registering
 * does nothing.
 */
final class EventPriming implements Resource {

    private final ApplyOrderEventUseCase applyEvent;
    private final EventLog log;

    EventPriming(ApplyOrderEventUseCase applyEvent, EventLog log) {
        this.applyEvent = applyEvent;
        this.log = log;
    }

    /**
     * Registers this priming. The caller must keep a reference to it, because the global context of org.crac
     * 1.5 holds its resources through weak references.
     */
    void register() {
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to renew, because the SDK reopens connections as it needs them.
    }

    void prime() {
        String event = "{\"eventId\":\"priming\",\"type\":\"PaymentCaptured\",\"orderId\":\"" + OrderId.random()
                + "\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}";
        try {
            applyEvent.apply(OrderRequests.event(event.getBytes(StandardCharsets.UTF_8)));
            log.warning("priming applied an event to a random order id, which no order should have");
        } catch (OrderException rejection) {
            if (rejection.reason() != OrderException.Reason.NOT_FOUND) {
                log.warning("priming an event ended in " + rejection.reason() + " instead of NOT_FOUND, so the"
                        + " snapshot may hold less warmed code. Check the store's settings and permissions. The"
                        + " error was: " + rejection.getMessage());
            }
        }
    }
}
