package dev.orderservice.core.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * The rule that computes an order's totals from its lines: a tax rate on the subtotal, rounded half-up to the minor unit,
 * and a shipping fee waived from a subtotal threshold on.
 */
public record PricingPolicy(BigDecimal taxRate, Money shippingFee, Money freeShippingThreshold) {

    public PricingPolicy {
        Objects.requireNonNull(taxRate, "taxRate");
        Objects.requireNonNull(shippingFee, "shippingFee");
        Objects.requireNonNull(freeShippingThreshold, "freeShippingThreshold");
        if (taxRate.signum() < 0 || taxRate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("tax rate must be between 0 and 1, was " + taxRate.toPlainString());
        }
        if (shippingFee.isNegative() || freeShippingThreshold.isNegative()) {
            throw new IllegalArgumentException("shipping fee and free-shipping threshold must not be negative");
        }
        if (!shippingFee.currency().equals(freeShippingThreshold.currency())) {
            throw new IllegalArgumentException("shipping fee and free-shipping threshold must share one currency");
        }
    }

    /** Returns the demo policy: 8.25 % tax, 5.00 USD shipping, free shipping from a subtotal of 75.00 USD. */
    public static PricingPolicy demo() {
        Currency usd = Currency.getInstance("USD");
        return new PricingPolicy(new BigDecimal("0.0825"), Money.parse("5.00", usd), Money.parse("75.00", usd));
    }

    public Currency currency() {
        return shippingFee.currency();
    }

    public Totals price(List<OrderLine> lines) {
        Money subtotal = Money.zero(currency());
        for (OrderLine line : lines) {
            subtotal = subtotal.plus(line.lineTotal());
        }

        Money tax = subtotal.timesRoundedHalfUp(taxRate);
        Money shipping = subtotal.isAtLeast(freeShippingThreshold) ? Money.zero(currency()) : shippingFee;
        return new Totals(subtotal, tax, shipping, subtotal.plus(tax).plus(shipping));
    }
}
