package dev.orderservice.core.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/** A catalog's stock-keeping unit, such as {@code SKU-MUG-01}. */
public record Sku(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public Sku {
        Objects.requireNonNull(value, "sku");
        if (!isValid(value)) {
            throw new IllegalArgumentException("SKU must be 1 to 64 characters of A-Z a-z 0-9 . _ -");
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
