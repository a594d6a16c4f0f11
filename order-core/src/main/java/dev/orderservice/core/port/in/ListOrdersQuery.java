package dev.orderservice.core.port.in;

import dev.orderservice.core.domain.CustomerId;
import dev.orderservice.core.domain.OrderException;
import java.util.Objects;
import java.util.Optional;

/** A request for one page of a customer's orders. */
public final class ListOrdersQuery {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private final CustomerId customerId;
    private final int limit;
    private final String cursor;

    /**
     * @param cursor the {@code nextCursor} of the previous page, or {@code null} for the first page
     * @throws OrderException {@code INVALID} when the limit is not between 1 and 100
     */
    public ListOrdersQuery(CustomerId customerId, int limit, String cursor) {
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw OrderException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        this.limit = limit;
        this.cursor = cursor;
    }

    public CustomerId customerId() {
        return customerId;
    }

    public int limit() {
        return limit;
    }

    public Optional<String> cursor() {
        return Optional.ofNullable(cursor);
    }
}
