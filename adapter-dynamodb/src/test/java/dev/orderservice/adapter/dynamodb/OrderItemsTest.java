package dev.orderservice.adapter.dynamodb;

import static dev.orderservice.adapter.dynamodb.TestOrders.FINGERPRINT;
import static dev.orderservice.adapter.dynamodb.TestOrders.NOON;
import static dev.orderservice.adapter.dynamodb.TestOrders.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderservice.core.domain.CustomerId;
import dev.orderservice.core.domain.Money;
import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.OrderEvent;
import dev.orderservice.core.domain.OrderEventType;
import dev.orderservice.core.domain.OrderId;
import dev.orderservice.core.domain.OrderLine;
import dev.orderservice.core.domain.PricingPolicy;
import dev.orderservice.core.domain.Sku;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class OrderItemsTest {

    @Test
    void placed_order_maps_back_to_an_equal_order() {
        Order order = anOrder().lines(3).build();

        Map<String, AttributeValue> item = OrderItems.toItem(order, FINGERPRINT);

        assertThat(OrderItems.toOrder(item)).isEqualTo(order);
        assertThat(OrderItems.requestFingerprint(item)).isEqualTo(FINGERPRINT);
        assertThat(item).doesNotContainKey(OrderItems.CANCELLATION_REASON);
    }

    @Test
    void changed_order_keeps_reason_and_event_ids() {
        Order paid = anOrder().build()
                .apply(new OrderEvent("evt-1", OrderEventType.PAYMENT_CAPTURED, OrderId.random(), NOON), NOON);
        Order cancelled = paid.cancel("changed my mind", NOON.plusSeconds(60));

        Order read = OrderItems.toOrder(OrderItems.toItem(cancelled, FINGERPRINT));

        assertThat(read).isEqualTo(cancelled);
        assertThat(read.appliedEventIds()).containsExactly("evt-1");
        assertThat(read.cancellationReason()).contains("changed my mind");
        assertThat(read.version()).isEqualTo(3);
    }

    @Test
    void amounts_are_stored_as_exact_decimal_strings() {
        Order order = anOrder().lines(1).build();

        Map<String, AttributeValue> item = OrderItems.toItem(order, FINGERPRINT);

        Map<String, AttributeValue> line = item.get(OrderItems.LINES).l().get(0).m();
        assertThat(line.get(OrderItems.LINE_UNIT_PRICE).s()).isEqualTo("1.10");
        assertThat(item.get(OrderItems.SUBTOTAL).s()).isEqualTo("1.10");
        assertThat(item.get(OrderItems.TAX).s()).isEqualTo("0.09");
        assertThat(item.get(OrderItems.SHIPPING).s()).isEqualTo("5.00");
        assertThat(item.get(OrderItems.TOTAL).s()).isEqualTo("6.19");
        assertThat(item.get(OrderItems.CURRENCY).s()).isEqualTo("USD");
    }

    @Test
    void currency_without_minor_unit_keeps_its_scale() {
        Currency yen = Currency.getInstance("JPY");
        PricingPolicy yenPricing = new PricingPolicy(new BigDecimal("0.10"), Money.parse("500", yen),
                Money.parse("10000", yen));
        OrderLine line = new OrderLine(new Sku("SKU-TEA"), "Green Tea", 3, Money.parse("1500", yen));
        Order order = Order.place(OrderId.random(), new CustomerId("cust-jp"), List.of(line), yenPricing, NOON);

        Map<String, AttributeValue> item = OrderItems.toItem(order, FINGERPRINT);

        assertThat(item.get(OrderItems.TOTAL).s()).isEqualTo("5450");
        assertThat(OrderItems.toOrder(item)).isEqualTo(order);
    }

    @Test
    void instant_with_nanoseconds_survives_mapping() {
        Order order = anOrder().createdAt(Instant.parse("2026-12-04T12:00:00.123456789Z")).build();

        assertThat(OrderItems.toOrder(OrderItems.toItem(order, FINGERPRINT))).isEqualTo(order);
    }

    @Test
    void sort_keys_sort_as_creation_times() {
        OrderId id = new OrderId("00000000-0000-0000-0000-000000000000");
        List<Instant> ascending = List.of(
                Instant.parse("2026-12-04T12:00:00Z"),
                Instant.parse("2026-12-04T12:00:00.000000001Z"),
                Instant.parse("2026-12-04T12:00:00.1Z"),
                Instant.parse("2026-12-04T12:00:00.12Z"),
                Instant.parse("2026-12-04T12:00:01Z"),
                Instant.parse("2027-01-01T00:00:00Z"));

        List<String> keys = ascending.stream().map(instant -> OrderItems.customerSortKey(instant, id)).toList();

        assertThat(keys).isSorted();
        assertThat(keys).extracting(String::length).containsOnly(keys.get(0).length());
        assertThat(keys.get(0)).isEqualTo("2026-12-04T12:00:00.000000000Z#00000000-0000-0000-0000-000000000000");
    }

    @Test
    void sort_keys_break_ties_by_id() {
        String lower = OrderItems.customerSortKey(NOON, new OrderId("00000000-0000-0000-0000-00000000000a"));
        String higher = OrderItems.customerSortKey(NOON, new OrderId("00000000-0000-0000-0000-00000000000b"));

        assertThat(lower).isLessThan(higher);
    }
}
