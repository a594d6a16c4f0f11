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
            // The version check comes first, so that of two cancels made from one version only one succeeds.
            long expected = command.expectedVersion().orElse(current.version());
            if (expected != current.version()) {
                throw OrderException.staleVersion(current.id(), expected, current.version());
            }
            if (current.status() == OrderStatus.CANCELLED) {
                return current;
            }
            return current.cancel(command.reason().orElse(null), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        });
    }
}
