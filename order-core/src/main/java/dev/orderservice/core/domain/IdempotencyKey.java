package dev.orderservice.core.domain;

import java.util.Objects;

/** A client's key that makes a placement safe to retry: 1 to 255 printable ASCII characters. */
public record IdempotencyKey(String value) {

    public IdempotencyKey {
        Objects.requireNonNull(value, "idempotency key");
        if (!isValid(value)) {
            throw new IllegalArgumentException("idempotency key must be 1 to 255 printable ASCII characters");
        }
    }

    public static boolean isValid(String value) {
        if (value.isEmpty() || value.length() > 255) {
            return false;
        }
        return value.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
    }
}
