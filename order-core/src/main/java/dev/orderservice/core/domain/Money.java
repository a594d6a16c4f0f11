package dev.orderservice.core.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of one currency, always at the currency's own number of minor-unit digits.
 *
 * <p>{@code 19.9} USD becomes {@code 19.90}; {@code 19.999} USD is rejected, because rounding a price
 * silently would store something the caller did not mean.
 */
public record Money(Currency currency, BigDecimal amount) implements Comparable<Money> {

    /** Amounts with more integer digits are rejected before scaling, so {@code 1e999999} cannot exhaust memory. */
    public static final int MAX_INTEGER_DIGITS = 15;

    public Money {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(amount, "amount");
        int digits = minorUnitDigits(currency);
        // In long arithmetic because for 1e2147483647 the int difference overflows to a negative number.
        long integerDigits = (long) amount.precision() - amount.scale();
        if (integerDigits > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException(
                    "amount " + amount + " has more than " + MAX_INTEGER_DIGITS + " integer digits");
        }
        // The message uses toString, not toPlainString, because the plain form of 1e-999999 has a million digits.
        if (amount.stripTrailingZeros().scale() > digits) {
            throw new IllegalArgumentException("amount " + amount + " has more decimals than "
                    + currency.getCurrencyCode() + " allows (" + digits + ")");
        }
        amount = amount.setScale(digits, RoundingMode.UNNECESSARY);
    }

    /** Parses a decimal string such as {@code "19.99"}; rejects exponents, signs other than minus, and spaces. */
    public static Money parse(String amount, Currency currency) {
        Objects.requireNonNull(amount, "amount");
        if (!amount.matches("-?[0-9]{1,30}(\\.[0-9]{1,30})?")) {
            throw new IllegalArgumentException("amount \"" + abbreviate(amount)
                    + "\" is not a decimal number such as \"19.99\"");
        }
        return new Money(currency, new BigDecimal(amount));
    }

    public static Money zero(Currency currency) {
        return new Money(currency, BigDecimal.ZERO);
    }

    /** Returns the number of minor-unit digits of a currency, rejecting pseudo-currencies such as XXX. */
    public static int minorUnitDigits(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        if (digits < 0) {
            throw new IllegalArgumentException(currency.getCurrencyCode() + " has no minor unit, so it cannot price goods");
        }
        return digits;
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(currency, amount.add(other.amount));
    }

    public Money times(int factor) {
        return new Money(currency, amount.multiply(BigDecimal.valueOf(factor)));
    }

    /** Multiplies by a rate and rounds half-up to the currency's minor unit, as tax is rounded. */
    public Money timesRoundedHalfUp(BigDecimal rate) {
        BigDecimal product = amount.multiply(rate).setScale(minorUnitDigits(currency), RoundingMode.HALF_UP);
        return new Money(currency, product);
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isAtLeast(Money other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    /** Returns the amount as API.md writes money: a plain decimal with the currency's minor-unit digits. */
    public String toPlainString() {
        return amount.toPlainString();
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + this + " with " + other);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
