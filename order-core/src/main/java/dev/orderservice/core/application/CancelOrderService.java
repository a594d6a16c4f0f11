package dev.orderservice.core.application;

import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.OrderException;
import dev.orderservice.core.domain.OrderStatus;
import dev.orderservice.core.port.in.CancelOrderCommand;
import dev.orderservice.core.port.in.CancelOrderUseCase;
import dev.orderservice.core.port.out.OrderRepository;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/** Cancels an order, conditional on the version the caller expects when it names one. */
public final class CancelOrderService implements CancelOrderUseCase {

    private final OrderRepository orders;
    private final Clock clock;

    @Inject
    public CancelOrderService(OrderRepository orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    @Override
    public Order cancel(CancelOrderCommand command) {
        return OrderChanges.change(orders, command.orderId(), current -> {
            // Another customer's order is reported as missing, so that its existence is not disclosed.
            if (command.requestedBy().isPresent() && !command.requestedBy().get().equals(current.customerId())) {
                throw OrderException.notFound(current.id());
            }
            // A repeat of a cancel that succeeded gets the same response as the first, even though its version is now stale.
            if (current.status() == OrderStatus.CANCELLED) {
                return current;
            }
            long expected = command.expectedVersion().orElse(current.version());
            if (expected != current.version()) {
                throw OrderException.staleVersion(current.id(), expected, current.version());
            }
            return current.cancel(command.reason().orElse(null), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        });
    }
}
