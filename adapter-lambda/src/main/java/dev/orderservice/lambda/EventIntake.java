package dev.orderservice.lambda;

import dev.orderservice.core.domain.OrderEvent;
import dev.orderservice.core.domain.OrderException;
import dev.orderservice.core.port.in.ApplyOrderEventUseCase;
import dev.orderservice.core.port.in.ApplyOrderEventUseCase.AppliedEvent;
import dev.orderservice.http.json.MalformedJsonException;
import dev.orderservice.http.json.OrderRequests;

/**
 * Reads one event from a batch record, applies it to its order and logs one line about it.
 *
 * <p>Every failure becomes a {@code false} result instead of an exception, because an exception out of a batch
 * handler would make Lambda return the whole batch, the events already applied included.
 */
final class EventIntake {

    private final ApplyOrderEventUseCase applyEvent;
    private final EventLog log;

    EventIntake(ApplyOrderEventUseCase applyEvent, EventLog log) {
        this.applyEvent = applyEvent;
        this.log = log;
    }

    /**
     * Reads the event JSON in {@code body} as strictly as {@code POST /events} does, and applies it.
     *
     * @return {@code true} when the event is applied, now or by an earlier delivery, and {@code false} when the
     *     record must be delivered again, as after an invalid event, an unknown order, a status that does not
     *     allow the change yet, a store failure or an unexpected error
     */
    boolean accept(IncomingRecord record, byte[] body) {
        OrderEvent event = null;
        try {
            event = OrderRequests.event(body);
            AppliedEvent applied = applyEvent.apply(event);
            log.applied(record, event, applied);
            return true;
        } catch (MalformedJsonException malformed) {
            log.unreadable(record, malformed);
        } catch (OrderException rejection) {
            log.rejected(record, event, rejection);
        } catch (RuntimeException unexpected) {
            log.failed(record, event, unexpected);
        }
        return false;
    }

    EventLog log() {
        return log;
    }
}
