package dev.orderservice.core.port.out;

import dev.orderservice.core.domain.CustomerId;
import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.OrderId;
import java.util.Optional;

/**
 * Stores orders. Every method may throw {@code OrderException} with reason {@code UNAVAILABLE} when the store
 * cannot be reached; an implementation never leaves a partly written order behind.
 *
 * <p>{@code OrderRepositoryContract} in this module's test-jar is the executable form of this contract.
 */
public interface OrderRepository {

    /**
     * Stores a new order unless an order with its id exists; the check and the write are one atomic step.
     *
     * @param requestFingerprint a digest of the request that placed the order, stored with it so that a repeat
     *     of an idempotency key can be distinguished from a reuse with another request
     * @return the stored order and whether this call created it
     */
    Placement createIfAbsent(Order order, String requestFingerprint);

    /**
     * Replaces an order if the stored one is still at {@code expectedVersion}.
     *
     * @throws dev.orderservice.core.domain.OrderException {@code STALE_VERSION} when another change came first,
     *     {@code NOT_FOUND} when there is no such order
     */
    void update(Order order, long expectedVersion);

    Optional<Order> findById(OrderId orderId);

    /**
     * Returns an order with the fingerprint of the request that placed it, for an idempotent replay that cannot
     * be priced again because the catalog has changed since. {@link Placement#created()} is {@code false}.
     */
    Optional<Placement> findPlacement(OrderId orderId);

    /**
     * Returns one page of a customer's orders, newest first: by creation time, then by id, both descending. The
     * last page has no next cursor, even when it is full.
     *
     * @param limit the maximum number of orders on the page, 1 to 100
     * @param cursor the {@code nextCursor} of the previous page, or {@code null} for the first page
     * @throws dev.orderservice.core.domain.OrderException {@code INVALID} for a cursor that this store did not
     *     issue for this customer, or that was altered
     */
    OrderPage findByCustomer(CustomerId customerId, int limit, String cursor);

    /**
     * A stored order with the fingerprint of the request that placed it.
     *
     * @param created whether the call that returned this placement stored the order
     */
    record Placement(Order order, String requestFingerprint, boolean created) {
    }
}
