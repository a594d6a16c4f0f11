package dev.orderservice.core.domain;

import java.util.Objects;

/** A catalog entry that orders are priced from. */
public record Product(Sku sku, String name, Money unitPrice, boolean available) {

    public static final int MAX_NAME_LENGTH = 200;

    public Product {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("product name must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
        if (unitPrice.isNegative()) {
            throw new IllegalArgumentException("unit price of " + sku + " must not be negative, was " + unitPrice);
        }
    }
}
