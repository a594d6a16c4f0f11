package dev.orderservice.core.domain;

import java.util.Objects;

/** The amounts of an order that the pricing policy computes from its lines. */
public record Totals(Money subtotal, Money tax, Money shipping, Money total) {

    public Totals {
        Objects.requireNonNull(subtotal, "subtotal");
        Objects.requireNonNull(tax, "tax");
        Objects.requireNonNull(shipping, "shipping");
        Objects.requireNonNull(total, "total");
        if (!subtotal.plus(tax).plus(shipping).equals(total)) {
            throw new IllegalArgumentException("total " + total + " is not subtotal + tax + shipping");
        }
    }
}
