package dev.orderservice.core.domain;

import java.util.Objects;

/** One line of an order: a product, priced from the catalog when the order was placed. */
public record OrderLine(Sku sku, String name, int quantity, Money unitPrice) {

    public static final int MIN_QUANTITY = 1;
    public static final int MAX_QUANTITY = 1000;

    public OrderLine {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (quantity < MIN_QUANTITY || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException(
                    "quantity of " + sku + " must be between " + MIN_QUANTITY + " and " + MAX_QUANTITY);
        }
    }

    public static OrderLine of(Product product, int quantity) {
        return new OrderLine(product.sku(), product.name(), quantity, product.unitPrice());
    }

    public Money lineTotal() {
        return unitPrice.times(quantity);
    }
}
