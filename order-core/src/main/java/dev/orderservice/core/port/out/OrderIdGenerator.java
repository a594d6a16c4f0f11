package dev.orderservice.core.port.out;

import dev.orderservice.core.domain.OrderId;

/** Makes ids for orders placed without an idempotency key. */
public interface OrderIdGenerator {

    OrderId nextId();

    /** Returns a generator of random UUIDs, the default of every deployment. */
    static OrderIdGenerator random() {
        return OrderId::random;
    }
}
