package dev.orderservice.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");

    @ParameterizedTest
    @CsvSource({"19.9, 19.90", "19, 19.00", "0, 0.00", "19.900, 19.90", "-1.5, -1.50"})
    void amount_is_scaled_to_two_decimals_in_usd(String amount, String scaled) {
        Money money = Money.parse(amount, USD);

        assertThat(money.toPlainString()).isEqualTo(scaled);
        assertThat(money.amount().scale()).isEqualTo(2);
    }

    @Test
    void amounts_that_differ_only_in_scale_are_equal() {
        Money shortForm = new Money(USD, new BigDecimal("19.9"));
        Money longForm = new Money(USD, new BigDecimal("19.900"));

        assertThat(shortForm).isEqualTo(longForm);
        assertThat(shortForm.hashCode()).isEqualTo(longForm.hashCode());
    }

    @Test
    void jpy_has_no_decimals() {
        Money money = Money.parse("1500", JPY);

        assertThat(money.toPlainString()).isEqualTo("1500");
        assertThat(Money.parse("1500.0", JPY)).isEqualTo(money);
    }

    @Test
    void zero_has_the_scale_of_its_currency() {
        assertThat(Money.zero(USD).toPlainString()).isEqualTo("0.00");
        assertThat(Money.zero(JPY).toPlainString()).isEqualTo("0");
    }

    @ParameterizedTest
    @CsvSource({"19.999, USD", "0.001, USD", "1500.5, JPY", "0.1, JPY"})
    void too_many_decimals_are_rejected(String amount, String currencyCode) {
        Currency currency = Currency.getInstance(currencyCode);

        assertThatThrownBy(() -> Money.parse(amount, currency))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(amount)
                .hasMessageContaining(currencyCode);
    }

    @Test
    void fifteen_integer_digits_are_the_maximum() {
        assertThat(Money.parse("999999999999999.99", USD).toPlainString()).isEqualTo("999999999999999.99");
        assertThatThrownBy(() -> Money.parse("1000000000000000", USD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("15 integer digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999", "-1e999999", "1e2147483647", "-1e2147483647", "1e-999999", "1e-2147483647"})
    @Timeout(value = 1, unit = TimeUnit.SECONDS)
    void extreme_exponents_are_rejected_fast(String amount) {
        BigDecimal huge = new BigDecimal(amount);

        assertThatThrownBy(() -> new Money(USD, huge))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(thrown -> assertThat(thrown.getMessage()).hasSizeLessThan(200));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e5", "1E5", "1.5e2", " 1.00", "1.00 ", "1 000", "+1.00", "1,00", ".5", "1.", "", "-",
        "--1", "0x10", "NaN", "Infinity", "١٢٣", "１２"})
    void parse_rejects_what_is_not_a_plain_decimal(String amount) {
        assertThatThrownBy(() -> Money.parse(amount, USD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a decimal number");
    }

    @Test
    void parse_shortens_a_long_input_in_its_message() {
        String longInput = "9".repeat(100_000) + "x";

        assertThatThrownBy(() -> Money.parse(longInput, USD))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(thrown -> assertThat(thrown.getMessage()).hasSizeLessThan(200));
    }

    @Test
    void parse_rejects_thirty_one_digits() {
        assertThatThrownBy(() -> Money.parse("1".repeat(31), USD)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pseudo_currency_without_minor_unit_is_rejected() {
        Currency noMinorUnit = Currency.getInstance("XXX");

        assertThatThrownBy(() -> Money.zero(noMinorUnit))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XXX");
    }

    @ParameterizedTest
    @CsvSource({
        "0.10, 0.05, 0.01",
        "0.10, 0.04, 0.00",
        "0.10, 0.15, 0.02",
        "-0.10, 0.05, -0.01",
        "2.00, 0.0825, 0.17",
        "10.00, 0.0825, 0.83",
        "52.48, 0.0825, 4.33"})
    void times_rounded_half_up_rounds_half_cents_away_from_zero(String amount, String rate, String expected) {
        Money money = Money.parse(amount, USD);

        Money product = money.timesRoundedHalfUp(new BigDecimal(rate));

        assertThat(product.toPlainString()).isEqualTo(expected);
    }

    @Test
    void times_rounded_half_up_rounds_to_whole_yen() {
        Money money = Money.parse("1500", JPY);

        assertThat(money.timesRoundedHalfUp(new BigDecimal("0.0825")).toPlainString()).isEqualTo("124");
    }

    @Test
    void times_multiplies_exactly() {
        assertThat(Money.parse("19.99", USD).times(3).toPlainString()).isEqualTo("59.97");
    }

    @Test
    void plus_adds_exactly() {
        assertThat(Money.parse("0.10", USD).plus(Money.parse("0.20", USD)).toPlainString()).isEqualTo("0.30");
    }

    @Test
    void plus_rejects_another_currency() {
        Money dollars = Money.parse("1.00", USD);
        Money yen = Money.parse("100", JPY);

        assertThatThrownBy(() -> dollars.plus(yen))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("USD")
                .hasMessageContaining("JPY");
    }

    @Test
    void compare_orders_by_amount() {
        Money small = Money.parse("74.99", USD);
        Money large = Money.parse("75.00", USD);

        assertThat(large.isAtLeast(small)).isTrue();
        assertThat(large.isAtLeast(large)).isTrue();
        assertThat(small.isAtLeast(large)).isFalse();
    }

    @Test
    void negative_amount_is_negative() {
        assertThat(Money.parse("-0.01", USD).isNegative()).isTrue();
        assertThat(Money.zero(USD).isNegative()).isFalse();
    }

    @Test
    void to_string_shows_amount_and_currency() {
        assertThat(Money.parse("19.9", USD)).hasToString("19.90 USD");
    }
}
