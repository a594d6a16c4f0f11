package dev.orderservice.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PricingPolicyTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");

    private final PricingPolicy demo = PricingPolicy.demo();

    @Test
    void api_example_totals_61_81() {
        List<OrderLine> lines = List.of(line("SKU-TSHIRT-M", 2, "19.99"), line("SKU-MUG-01", 1, "12.50"));

        Totals totals = demo.price(lines);

        assertThat(totals.subtotal().toPlainString()).isEqualTo("52.48");
        assertThat(totals.tax().toPlainString()).isEqualTo("4.33");
        assertThat(totals.shipping().toPlainString()).isEqualTo("5.00");
        assertThat(totals.total().toPlainString()).isEqualTo("61.81");
    }

    @ParameterizedTest
    @CsvSource({"2.00, 0.17", "6.00, 0.50", "10.00, 0.83", "14.00, 1.16"})
    void tax_rounds_an_exact_half_cent_up(String subtotal, String tax) {
        // 8.25 % of each subtotal ends in exactly half a cent: 16.5, 49.5, 82.5 and 115.5 cents.
        List<OrderLine> lines = List.of(line("SKU-A", 1, subtotal));

        Totals totals = demo.price(lines);

        assertThat(totals.tax().toPlainString()).isEqualTo(tax);
    }

    @Test
    void tax_rounds_just_below_half_a_cent_down() {
        // 8.25 % of 1.99 is 16.4175 cents.
        List<OrderLine> lines = List.of(line("SKU-A", 1, "1.99"));

        assertThat(demo.price(lines).tax().toPlainString()).isEqualTo("0.16");
    }

    @Test
    void shipping_is_free_at_exactly_the_threshold() {
        List<OrderLine> lines = List.of(line("SKU-A", 3, "25.00"));

        Totals totals = demo.price(lines);

        assertThat(totals.subtotal().toPlainString()).isEqualTo("75.00");
        assertThat(totals.shipping().toPlainString()).isEqualTo("0.00");
        assertThat(totals.total().toPlainString()).isEqualTo("81.19");
    }

    @Test
    void shipping_is_charged_one_cent_below_the_threshold() {
        List<OrderLine> lines = List.of(line("SKU-A", 1, "74.99"));

        Totals totals = demo.price(lines);

        assertThat(totals.shipping().toPlainString()).isEqualTo("5.00");
        assertThat(totals.total().toPlainString()).isEqualTo("86.18");
    }

    @Test
    void subtotal_sums_every_line_total() {
        List<OrderLine> lines = List.of(line("SKU-A", 3, "0.10"), line("SKU-B", 1000, "0.01"),
                line("SKU-C", 1, "0.00"));

        assertThat(demo.price(lines).subtotal().toPlainString()).isEqualTo("10.30");
    }

    @Test
    void yen_policy_rounds_to_whole_yen() {
        PricingPolicy yen = new PricingPolicy(new BigDecimal("0.0825"), Money.parse("500", JPY),
                Money.parse("10000", JPY));
        List<OrderLine> lines = List.of(new OrderLine(new Sku("SKU-TEA"), "Green Tea", 1, Money.parse("1500", JPY)));

        Totals totals = yen.price(lines);

        assertThat(totals.tax().toPlainString()).isEqualTo("124");
        assertThat(totals.total().toPlainString()).isEqualTo("2124");
        assertThat(yen.currency()).isEqualTo(JPY);
    }

    @Test
    void demo_policy_is_in_usd() {
        assertThat(demo.currency()).isEqualTo(USD);
    }

    @ParameterizedTest
    @CsvSource({"-0.01", "1.01"})
    void tax_rate_outside_zero_to_one_is_rejected(String rate) {
        BigDecimal taxRate = new BigDecimal(rate);
        Money fee = Money.parse("5.00", USD);

        assertThatThrownBy(() -> new PricingPolicy(taxRate, fee, fee))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(rate);
    }

    @Test
    void negative_shipping_fee_is_rejected() {
        Money negative = Money.parse("-5.00", USD);
        Money threshold = Money.parse("75.00", USD);

        assertThatThrownBy(() -> new PricingPolicy(BigDecimal.ZERO, negative, threshold))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fee_and_threshold_in_two_currencies_are_rejected() {
        Money fee = Money.parse("5.00", USD);
        Money threshold = Money.parse("10000", JPY);

        assertThatThrownBy(() -> new PricingPolicy(BigDecimal.ZERO, fee, threshold))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static OrderLine line(String sku, int quantity, String unitPrice) {
        return new OrderLine(new Sku(sku), "Product " + sku, quantity, Money.parse(unitPrice, USD));
    }
}
