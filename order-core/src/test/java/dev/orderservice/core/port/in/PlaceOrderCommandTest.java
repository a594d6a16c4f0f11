package dev.orderservice.core.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.orderservice.core.domain.CustomerId;
import dev.orderservice.core.domain.IdempotencyKey;
import dev.orderservice.core.domain.OrderException;
import dev.orderservice.core.domain.OrderException.Reason;
import dev.orderservice.core.domain.OrderException.Violation;
import dev.orderservice.core.domain.Sku;
import dev.orderservice.core.port.in.PlaceOrderCommand.RawItem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceOrderCommandTest {

    private static final List<RawItem> ONE_MUG = List.of(new RawItem("SKU-MUG-01", 1L));

    @Test
    void of_builds_a_command_from_a_valid_request() {
        List<RawItem> items = List.of(new RawItem("SKU-TSHIRT-M", 2L), new RawItem("SKU-MUG-01", 1L));

        PlaceOrderCommand command = PlaceOrderCommand.of("cust-42", "USD", items, "key-1");

        assertThat(command.customerId()).isEqualTo(new CustomerId("cust-42"));
        assertThat(command.currency()).contains(Currency.getInstance("USD"));
        assertThat(command.items()).containsExactly(new PlaceOrderCommand.Item(new Sku("SKU-TSHIRT-M"), 2),
                new PlaceOrderCommand.Item(new Sku("SKU-MUG-01"), 1));
        assertThat(command.idempotencyKey()).contains(new IdempotencyKey("key-1"));
    }

    @Test
    void of_leaves_optional_fields_empty() {
        PlaceOrderCommand command = PlaceOrderCommand.of("cust-42", null, ONE_MUG, null);

        assertThat(command.currency()).isEmpty();
        assertThat(command.idempotencyKey()).isEmpty();
    }

    @Test
    void of_copies_the_callers_items() {
        List<RawItem> items = new ArrayList<>(ONE_MUG);
        PlaceOrderCommand command = PlaceOrderCommand.of("cust-42", null, items, null);

        items.clear();

        assertThat(command.items()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void of_names_the_invalid_field(String field, String message, String customerId, String currency,
            List<RawItem> items, String idempotencyKey) {
        assertThatThrownBy(() -> PlaceOrderCommand.of(customerId, currency, items, idempotencyKey))
                .isInstanceOfSatisfying(OrderException.class, thrown -> {
                    assertThat(thrown.reason()).isEqualTo(Reason.INVALID);
                    assertThat(thrown.violations()).containsExactly(new Violation(field, message));
                });
    }

    static Stream<Arguments> invalidRequests() {
        String customerFormat = "must be 1 to 64 characters of A-Z a-z 0-9 . _ : @ -";
        String skuFormat = "must be 1 to 64 characters of A-Z a-z 0-9 . _ -";
        String quantityRange = "must be between 1 and 1000";
        String keyFormat = "must be 1 to 255 printable ASCII characters";
        String currencyFormat = "must be an ISO 4217 currency code such as USD";
        return Stream.of(
                Arguments.of("customerId", "is required", null, null, ONE_MUG, null),
                Arguments.of("customerId", customerFormat, "", null, ONE_MUG, null),
                Arguments.of("customerId", customerFormat, "cust 42", null, ONE_MUG, null),
                Arguments.of("customerId", customerFormat, "c".repeat(65), null, ONE_MUG, null),
                Arguments.of("currency", currencyFormat, "cust-42", "usd", ONE_MUG, null),
                Arguments.of("currency", currencyFormat, "cust-42", "ZZZ", ONE_MUG, null),
                Arguments.of("currency", currencyFormat, "cust-42", "", ONE_MUG, null),
                Arguments.of("items", "is required", "cust-42", null, null, null),
                Arguments.of("items", "must have 1 to 50 lines", "cust-42", null, List.of(), null),
                Arguments.of("items", "must have 1 to 50 lines", "cust-42", null, lines(51), null),
                Arguments.of("items[0]", "is required", "cust-42", null, Arrays.asList((RawItem) null), null),
                Arguments.of("items[0].sku", "is required", "cust-42", null, List.of(new RawItem(null, 1L)), null),
                Arguments.of("items[0].sku", skuFormat, "cust-42", null, List.of(new RawItem("SKU MUG", 1L)), null),
                Arguments.of("items[1].quantity", "is required", "cust-42", null,
                        List.of(new RawItem("SKU-A", 1L), new RawItem("SKU-B", null)), null),
                Arguments.of("items[0].quantity", quantityRange, "cust-42", null,
                        List.of(new RawItem("SKU-A", 0L)), null),
                Arguments.of("items[0].quantity", quantityRange, "cust-42", null,
                        List.of(new RawItem("SKU-A", 1001L)), null),
                Arguments.of("items[0].quantity", quantityRange, "cust-42", null,
                        List.of(new RawItem("SKU-A", -1L)), null),
                Arguments.of("items[0].quantity", quantityRange, "cust-42", null,
                        List.of(new RawItem("SKU-A", Long.MAX_VALUE)), null),
                Arguments.of("Idempotency-Key", keyFormat, "cust-42", null, ONE_MUG, ""),
                Arguments.of("Idempotency-Key", keyFormat, "cust-42", null, ONE_MUG, "k".repeat(256)),
                Arguments.of("Idempotency-Key", keyFormat, "cust-42", null, ONE_MUG, "key\n1"),
                Arguments.of("Idempotency-Key", keyFormat, "cust-42", null, ONE_MUG, "schlüssel"));
    }

    @Test
    void of_reports_every_violation_at_once() {
        List<RawItem> items = List.of(new RawItem(null, 0L), new RawItem("SKU-OK", 1L), new RawItem("SKU BAD", null));

        assertThatThrownBy(() -> PlaceOrderCommand.of("cust 42", "usd", items, ""))
                .isInstanceOfSatisfying(OrderException.class, thrown -> {
                    assertThat(thrown.reason()).isEqualTo(Reason.INVALID);
                    assertThat(thrown.violations()).extracting(Violation::field).containsExactly("customerId",
                            "currency", "items[0].sku", "items[0].quantity", "items[2].sku", "items[2].quantity",
                            "Idempotency-Key");
                    assertThat(thrown).hasMessage("7 fields are not valid");
                });
    }

    @Test
    void of_accepts_the_limits_of_every_range() {
        List<RawItem> items = new ArrayList<>(lines(49));
        items.add(new RawItem("S".repeat(64), 1000L));

        PlaceOrderCommand command = PlaceOrderCommand.of("c".repeat(64), "JPY", items, "~".repeat(255));

        assertThat(command.items()).hasSize(50);
    }

    @Test
    void merged_quantities_merge_repeated_skus() {
        List<RawItem> items = List.of(new RawItem("SKU-B", 2L), new RawItem("SKU-A", 1L), new RawItem("SKU-B", 3L));
        PlaceOrderCommand command = PlaceOrderCommand.of("cust-42", null, items, null);

        Map<Sku, Integer> merged = command.mergedQuantities();

        assertThat(merged).containsExactly(Map.entry(new Sku("SKU-B"), 5), Map.entry(new Sku("SKU-A"), 1));
    }

    @Test
    void merged_quantity_of_1000_is_accepted() {
        List<RawItem> items = List.of(new RawItem("SKU-A", 600L), new RawItem("SKU-A", 400L));
        PlaceOrderCommand command = PlaceOrderCommand.of("cust-42", null, items, null);

        assertThat(command.mergedQuantities()).containsEntry(new Sku("SKU-A"), 1000);
    }

    @Test
    void merged_quantity_over_1000_is_invalid() {
        List<RawItem> items = List.of(new RawItem("SKU-A", 600L), new RawItem("SKU-B", 1L),
                new RawItem("SKU-A", 401L));
        PlaceOrderCommand command = PlaceOrderCommand.of("cust-42", null, items, null);

        assertThatThrownBy(command::mergedQuantities)
                .isInstanceOfSatisfying(OrderException.class, thrown -> {
                    assertThat(thrown.reason()).isEqualTo(Reason.INVALID);
                    assertThat(thrown.violations()).extracting(Violation::field).containsExactly("items");
                })
                .hasMessageContaining("SKU-A")
                .hasMessageContaining("1001");
    }

    @Test
    void fingerprint_is_equal_for_equal_requests() {
        PlaceOrderCommand first = PlaceOrderCommand.of("cust-42", "USD",
                List.of(new RawItem("SKU-TSHIRT-M", 2L), new RawItem("SKU-MUG-01", 1L)), "key-1");
        PlaceOrderCommand repeat = PlaceOrderCommand.of(new String("cust-42"), new String("USD"),
                new ArrayList<>(List.of(new RawItem(new String("SKU-TSHIRT-M"), 2L),
                        new RawItem("SKU-MUG-01", Long.valueOf(1)))), new String("key-1"));

        assertThat(repeat.fingerprint()).isEqualTo(first.fingerprint());
        assertThat(first.fingerprint()).matches("[0-9a-f]{64}");
    }

    @Test
    void fingerprint_differs_for_different_requests() {
        List<PlaceOrderCommand> requests = List.of(
                PlaceOrderCommand.of("cust-42", "USD", List.of(new RawItem("SKU-A", 2L)), "key-1"),
                PlaceOrderCommand.of("cust-43", "USD", List.of(new RawItem("SKU-A", 2L)), "key-1"),
                PlaceOrderCommand.of("cust-42", null, List.of(new RawItem("SKU-A", 2L)), "key-1"),
                PlaceOrderCommand.of("cust-42", "EUR", List.of(new RawItem("SKU-A", 2L)), "key-1"),
                PlaceOrderCommand.of("cust-42", "USD", List.of(new RawItem("SKU-B", 2L)), "key-1"),
                PlaceOrderCommand.of("cust-42", "USD", List.of(new RawItem("SKU-A", 3L)), "key-1"),
                PlaceOrderCommand.of("cust-42", "USD", List.of(new RawItem("SKU-A2", 2L)), "key-1"),
                PlaceOrderCommand.of("cust-42", "USD", List.of(new RawItem("SKU-A", 22L)), "key-1"),
                PlaceOrderCommand.of("cust-42", "USD",
                        List.of(new RawItem("SKU-A", 2L), new RawItem("SKU-B", 1L)), "key-1"));

        Set<String> fingerprints = new HashSet<>();
        requests.forEach(request -> fingerprints.add(request.fingerprint()));

        assertThat(fingerprints).hasSize(requests.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "cust-42", "user@example.com", "tenant:7.user_1"})
    void of_accepts_customer_ids_of_the_allowed_characters(String customerId) {
        PlaceOrderCommand command = PlaceOrderCommand.of(customerId, null, ONE_MUG, null);

        assertThat(command.customerId().value()).isEqualTo(customerId);
    }

    @Test
    void violations_keep_their_request_order() {
        List<RawItem> items = List.of(new RawItem("SKU-A", 0L), new RawItem("SKU-B", 2000L));

        assertThatThrownBy(() -> PlaceOrderCommand.of("cust-42", null, items, null))
                .isInstanceOfSatisfying(OrderException.class, thrown -> assertThat(thrown.violations())
                        .extracting(Violation::field, Violation::message)
                        .containsExactly(tuple("items[0].quantity", "must be between 1 and 1000"),
                                tuple("items[1].quantity", "must be between 1 and 1000")));
    }

    private static List<RawItem> lines(int count) {
        List<RawItem> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(new RawItem("SKU-" + i, 1L));
        }
        return items;
    }
}
