package dev.orderservice.core.application;

import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.OrderException;
import dev.orderservice.core.domain.OrderId;
import dev.orderservice.core.port.out.OrderRepository;
import java.util.function.UnaryOperator;

/**
 * Loads an order, changes it and stores the change conditional on the version it loaded.
 *
 * <p>When another writer changed the order in between, the change is decided again on the new version, a bounded
 * number of times, so two concurrent writers never both win and neither loses its change silently.
 */
final class OrderChanges {

    static final int MAX_ATTEMPTS = 3;

    private OrderChanges() {
    }

    /**
     * @param change returns the changed order, the same instance when nothing changes, or throws a refusal
     * @return the order as stored after the change
     */
    static Order change(OrderRepository orders, OrderId orderId, UnaryOperator<Order> change) {
        for (int attempt = 1; ; attempt++) {
            Order current = orders.findById(orderId).orElseThrow(() -> OrderException.notFound(orderId));

            Order changed = change.apply(current);
            if (changed == current) {
                return current;
            }

            try {
                orders.update(changed, current.version());
                return changed;
            } catch (OrderException stale) {
                if (stale.reason() != OrderException.Reason.STALE_VERSION || attempt == MAX_ATTEMPTS) {
                    throw stale;
                }
            }
        }
    }
}
