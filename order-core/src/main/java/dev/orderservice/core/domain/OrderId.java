package dev.orderservice.core.domain;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** The id of an order: a UUID in its lower-case text form. */
public record OrderId(String value) {

    private static final Pattern FORMAT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public OrderId {
        Objects.requireNonNull(value, "orderId");
        if (!isValid(value)) {
            throw new IllegalArgumentException("order id must be a lower-case UUID");
        }
    }

    public static boolean isValid(String value) {
        return FORMAT.matcher(value).matches();
    }

    public static OrderId random() {
        return new OrderId(UUID.randomUUID().toString());
    }

    /**
     * Derives the id of the order that a customer's idempotency key places.
     *
     * <p>Every repeat of the key maps to the same id, so the store's create-if-absent on the order itself is
     * the idempotency check, and no separate idempotency record can be left behind by a failure.
     */
    public static OrderId forIdempotencyKey(CustomerId customerId, IdempotencyKey key) {
        String name = "order-service:" + customerId.value() + "\n" + key.value();
        return new OrderId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
