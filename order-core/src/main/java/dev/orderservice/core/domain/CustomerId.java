package dev.orderservice.core.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/** The id of the customer who places and owns orders. */
public record CustomerId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._:@-]{1,64}");

    public CustomerId {
        Objects.requireNonNull(value, "customerId");
        if (!isValid(value)) {
            throw new IllegalArgumentException("customer id must be 1 to 64 characters of A-Z a-z 0-9 . _ : @ -");
        }
    }

    public static boolean isValid(String value) {
        return FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
