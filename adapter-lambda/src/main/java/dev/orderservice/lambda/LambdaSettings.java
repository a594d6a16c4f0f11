package dev.orderservice.lambda;

import dev.orderservice.core.domain.Money;
import dev.orderservice.core.domain.PricingPolicy;
import dev.orderservice.http.CorsPolicy;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A Lambda function's configuration, read once per execution environment from its environment variables:
 * {@code ORDERS_STORE} ({@code dynamodb}, the default, or {@code memory}), {@code CORS_ALLOWED_ORIGINS}, and the
 * pricing policy: {@code PRICING_CURRENCY} (default {@code USD}), {@code PRICING_TAX_RATE} (default
 * {@code 0.0825}), {@code PRICING_SHIPPING_FEE} (default {@code 5.00}) and {@code PRICING_FREE_SHIPPING_FROM}
 * (default {@code 75.00}). The DynamoDB adapter reads its own variables from {@link #values()}.
 */
public final class LambdaSettings {

    /** The store that keeps orders. */
    public enum Store {
        DYNAMODB,
        MEMORY
    }

    private final Map<String, String> values;
    private final Store store;
    private final PricingPolicy pricing;
    private final CorsPolicy cors;

    private LambdaSettings(Map<String, String> values) {
        this.values = Map.copyOf(values);
        this.store = parseStore(value("ORDERS_STORE").orElse("dynamodb"));
        this.pricing = parsePricing();
        this.cors = CorsPolicy.parse(value("CORS_ALLOWED_ORIGINS").orElse(null));
    }

    /**
     * Reads the settings; a blank variable counts as unset.
     *
     * @throws IllegalArgumentException naming the variable and the values it accepts when one is not valid
     */
    public static LambdaSettings fromEnvironment(Map<String, String> environment) {
        Map<String, String> values = new HashMap<>();
        environment.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                values.put(name, value.strip());
            }
        });
        return new LambdaSettings(values);
    }

    public Store store() {
        return store;
    }

    public PricingPolicy pricing() {
        return pricing;
    }

    public CorsPolicy cors() {
        return cors;
    }

    /** Returns any variable by name, such as {@code ORDERS_TABLE}. */
    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** Returns every variable that is set, so that a store adapter can read its own. */
    public Map<String, String> values() {
        return values;
    }

    private static Store parseStore(String store) {
        try {
            return Store.valueOf(store.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("ORDERS_STORE must be dynamodb or memory, was \"" + store + "\"");
        }
    }

    private PricingPolicy parsePricing() {
        String currencyCode = value("PRICING_CURRENCY").orElse("USD");
        Currency currency;
        try {
            currency = Currency.getInstance(currencyCode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("PRICING_CURRENCY must be an ISO 4217 code such as USD or EUR, was \""
                    + currencyCode + "\"");
        }
        String taxRate = value("PRICING_TAX_RATE").orElse("0.0825");
        String shippingFee = value("PRICING_SHIPPING_FEE").orElse("5.00");
        String freeFrom = value("PRICING_FREE_SHIPPING_FROM").orElse("75.00");
        try {
            return new PricingPolicy(new BigDecimal(taxRate), Money.parse(shippingFee, currency),
                    Money.parse(freeFrom, currency));
        } catch (IllegalArgumentException invalid) {
            // NumberFormatException, from a tax rate that is not a number, is an IllegalArgumentException too.
            throw new IllegalArgumentException("the pricing policy is not valid in " + currency + ": "
                    + invalid.getMessage() + ". Set PRICING_TAX_RATE to a fraction such as 0.0825, and"
                    + " PRICING_SHIPPING_FEE and PRICING_FREE_SHIPPING_FROM to amounts in " + currency
                    + " with its minor-unit digits, such as 5.00", invalid);
        }
    }
}
