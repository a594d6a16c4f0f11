package dev.orderservice.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderservice.core.domain.PricingPolicy;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Lambda function's settings, read from its environment variables. */
class LambdaSettingsTest {

    @Test
    void defaults_are_dynamodb_and_the_demo_pricing() {
        LambdaSettings settings = LambdaSettings.fromEnvironment(Map.of());

        assertThat(settings.store()).isEqualTo(LambdaSettings.Store.DYNAMODB);
        assertThat(settings.pricing()).isEqualTo(PricingPolicy.demo());
        assertThat(settings.cors().allowedOrigins()).isEmpty();
    }

    @Test
    void variables_set_store_pricing_and_cors() {
        LambdaSettings settings = LambdaSettings.fromEnvironment(Map.of(
                "ORDERS_STORE", "Memory",
                "PRICING_CURRENCY", "eur",
                "PRICING_TAX_RATE", "0.19",
                "PRICING_SHIPPING_FEE", "4.90",
                "PRICING_FREE_SHIPPING_FROM", "50",
                "CORS_ALLOWED_ORIGINS", "https://a.example, https://b.example"));

        assertThat(settings.store()).isEqualTo(LambdaSettings.Store.MEMORY);
        assertThat(settings.pricing().currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(settings.pricing().taxRate()).isEqualByComparingTo(new BigDecimal("0.19"));
        assertThat(settings.pricing().shippingFee().toPlainString()).isEqualTo("4.90");
        assertThat(settings.pricing().freeShippingThreshold().toPlainString()).isEqualTo("50.00");
        assertThat(settings.cors().allowedOrigins()).containsExactlyInAnyOrder("https://a.example", "https://b.example");
    }

    @Test
    void blank_variables_count_as_unset() {
        LambdaSettings settings = LambdaSettings.fromEnvironment(Map.of("ORDERS_STORE", " ", "PRICING_TAX_RATE", ""));

        assertThat(settings.store()).isEqualTo(LambdaSettings.Store.DYNAMODB);
        assertThat(settings.pricing().taxRate()).isEqualByComparingTo(new BigDecimal("0.0825"));
    }

    @Test
    void unknown_store_is_rejected_naming_the_choices() {
        assertThatThrownBy(() -> LambdaSettings.fromEnvironment(Map.of("ORDERS_STORE", "s3")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ORDERS_STORE must be dynamodb or memory");
    }

    @Test
    void unknown_currency_is_rejected() {
        assertThatThrownBy(() -> LambdaSettings.fromEnvironment(Map.of("PRICING_CURRENCY", "dollars")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PRICING_CURRENCY");
    }

    @Test
    void non_numeric_tax_rate_is_rejected() {
        assertThatThrownBy(() -> LambdaSettings.fromEnvironment(Map.of("PRICING_TAX_RATE", "8.25%")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PRICING_TAX_RATE");
    }

    @Test
    void fee_with_too_many_decimals_is_rejected() {
        assertThatThrownBy(() -> LambdaSettings.fromEnvironment(Map.of("PRICING_CURRENCY", "JPY",
                "PRICING_SHIPPING_FEE", "5.50", "PRICING_FREE_SHIPPING_FROM", "7500")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JPY");
    }

    @Test
    void memory_store_needs_the_demo_catalog_currency() {
        assertThatThrownBy(() -> LambdaComponent.create(Map.of("ORDERS_STORE", "memory", "PRICING_CURRENCY", "EUR"))
                .api())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PRICING_CURRENCY must be USD");
    }

    @Test
    void dynamodb_store_needs_a_region() {
        assertThatThrownBy(() -> LambdaComponent.create(Map.of("ORDERS_STORE", "dynamodb")).api())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AWS_REGION");
    }
}
