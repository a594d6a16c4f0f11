package dev.orderservice.adapter.inmemory;

import dev.orderservice.core.domain.CustomerId;
import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.OrderException;
import dev.orderservice.core.domain.OrderId;
import dev.orderservice.core.port.in.ListOrdersQuery;
import dev.orderservice.core.port.out.CursorSigner;
import dev.orderservice.core.port.out.OrderPage;
import dev.orderservice.core.port.out.OrderRepository;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * An {@link OrderRepository} in memory that follows the same contract as a durable store: atomic create-if-absent,
 * updates conditional on the version, signed cursors, and safe use from many threads.
 *
 * <p>Orders are immutable, so storing the caller's instance cannot let the caller change what is stored.
 */
public final class InMemoryOrderRepository implements OrderRepository {

    private static final Comparator<ListPosition> NEWEST_FIRST = Comparator
            .comparing(ListPosition::createdAt)
            .thenComparing(position -> position.orderId().value())
            .reversed();

    private final CursorSigner cursors;
    private final ConcurrentMap<OrderId, StoredOrder> orders = new ConcurrentHashMap<>();
    private final ConcurrentMap<CustomerId, NavigableSet<ListPosition>> positionsByCustomer =
            new ConcurrentHashMap<>();

    /** Creates a repository whose cursors are valid only for the life of this instance. */
    public InMemoryOrderRepository() {
        this(CursorSigner.withRandomSecret());
    }

    /** Creates a repository whose cursors are signed by {@code cursors}. */
    public InMemoryOrderRepository(CursorSigner cursors) {
        this.cursors = Objects.requireNonNull(cursors, "cursors");
    }

    @Override
    public Placement createIfAbsent(Order order, String requestFingerprint) {
        StoredOrder candidate = new StoredOrder(order, Objects.requireNonNull(requestFingerprint));

        // The order is indexed inside computeIfAbsent, so a caller that finds it already stored can list it too.
        StoredOrder stored = orders.computeIfAbsent(order.id(), id -> {
            positionsByCustomer
                    .computeIfAbsent(order.customerId(), customer -> new ConcurrentSkipListSet<>(NEWEST_FIRST))
                    .add(ListPosition.of(order));
            return candidate;
        });

        return new Placement(stored.order(), stored.requestFingerprint(), stored == candidate);
    }

    @Override
    public void update(Order order, long expectedVersion) {
        orders.compute(order.id(), (id, stored) -> {
            if (stored == null) {
                throw OrderException.notFound(id);
            }
            long storedVersion = stored.order().version();
            if (storedVersion != expectedVersion) {
                throw OrderException.staleVersion(id, expectedVersion, storedVersion);
            }
            requireSameListPosition(stored.order(), order);
            return new StoredOrder(order, stored.requestFingerprint());
        });
    }

    @Override
    public Optional<Order> findById(OrderId orderId) {
        return Optional.ofNullable(orders.get(orderId)).map(StoredOrder::order);
    }

    @Override
    public Optional<Placement> findPlacement(OrderId orderId) {
        return Optional.ofNullable(orders.get(orderId))
                .map(stored -> new Placement(stored.order(), stored.requestFingerprint(), false));
    }

    @Override
    public OrderPage findByCustomer(CustomerId customerId, int limit, String cursor) {
        if (limit < 1 || limit > ListOrdersQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + ListOrdersQuery.MAX_LIMIT
                    + ", was " + limit);
        }
        ListPosition after = cursor == null ? null : ListPosition.parse(cursors.verify(customerId, cursor));
        NavigableSet<ListPosition> positions = positionsByCustomer.get(customerId);
        if (positions == null) {
            return new OrderPage(List.of(), null);
        }
        if (after != null) {
            positions = positions.tailSet(after, false);
        }

        List<Order> page = new ArrayList<>();
        ListPosition last = null;
        Iterator<ListPosition> remaining = positions.iterator();
        while (page.size() < limit && remaining.hasNext()) {
            last = remaining.next();
            // A position can be indexed a moment before its order is visible, while another thread creates it.
            StoredOrder stored = orders.get(last.orderId());
            if (stored != null) {
                page.add(stored.order());
            }
        }

        String nextCursor = remaining.hasNext() ? cursors.sign(customerId, last.format()) : null;
        return new OrderPage(page, nextCursor);
    }

    private static void requireSameListPosition(Order stored, Order changed) {
        if (!stored.customerId().equals(changed.customerId()) || !stored.createdAt().equals(changed.createdAt())) {
            throw new IllegalArgumentException("an update cannot change the customer or creation time of order "
                    + stored.id());
        }
    }

    /** An order as stored, with the fingerprint of the request that placed it. */
    private record StoredOrder(Order order, String requestFingerprint) {
    }

    /** The sort key of an order in its customer's list, which a cursor carries as text. */
    private record ListPosition(Instant createdAt, OrderId orderId) {

        private static final char SEPARATOR = ' ';

        static ListPosition of(Order order) {
            return new ListPosition(order.createdAt(), order.id());
        }

        /**
         * Parses {@link #format()}'s output. A position comes from a verified cursor, so a parse failure means a
         * cursor signed with the same secret by a store of another format.
         */
        static ListPosition parse(String text) {
            int separator = text.indexOf(SEPARATOR);
            if (separator >= 0 && OrderId.isValid(text.substring(separator + 1))) {
                try {
                    return new ListPosition(Instant.parse(text.substring(0, separator)),
                            new OrderId(text.substring(separator + 1)));
                } catch (DateTimeParseException malformedTime) {
                    // Rejected below, like any other malformed position.
                }
            }
            throw OrderException.invalid("cursor", "is not a cursor issued by this service for this customer");
        }

        String format() {
            return createdAt.toString() + SEPARATOR + orderId.value();
        }
    }
}
