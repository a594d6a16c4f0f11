package dev.orderservice.core.application;

import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.OrderEvent;
import dev.orderservice.core.port.in.ApplyOrderEventUseCase;
import dev.orderservice.core.port.out.OrderRepository;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/** Applies payment and shipping events to the orders they name. */
public final class ApplyOrderEventService implements ApplyOrderEventUseCase {

    private final OrderRepository orders;
    private final Clock clock;

    @Inject
    public ApplyOrderEventService(OrderRepository orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    @Override
    public AppliedEvent apply(OrderEvent event) {
        // The change may be decided again after a concurrent write, so only its last decision counts.
        boolean[] repeated = {false};
        Order stored = OrderChanges.change(orders, event.orderId(), current -> {
            Order changed = current.apply(event, clock.instant().truncatedTo(ChronoUnit.MILLIS));
            repeated[0] = changed == current;
            return changed;
        });
        return new AppliedEvent(stored, repeated[0]);
    }
}
