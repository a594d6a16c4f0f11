package dev.orderservice.http.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderservice.core.domain.OrderException;
import dev.orderservice.core.domain.OrderException.Violation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonFieldsTest {

    @Test
    void fields_of_the_right_type_are_returned() {
        JsonFields fields = fields("{\"name\":\"mug\",\"count\":3,\"on\":true}");

        String name = fields.string("name", true);
        Long count = fields.integer("count", true);
        Boolean on = fields.bool("on", true);

        assertThat(name).isEqualTo("mug");
        assertThat(count).isEqualTo(3L);
        assertThat(on).isTrue();
        assertThat(fields.hasViolations()).isFalse();
        fields.requireValid();
    }

    @Test
    void absent_optional_fields_are_null_without_a_violation() {
        JsonFields fields = fields("{}");

        assertThat(fields.string("name", false)).isNull();
        assertThat(fields.integer("count", false)).isNull();
        assertThat(fields.bool("on", false)).isNull();
        assertThat(fields.objects("items", false)).isNull();
        assertThat(fields.hasViolations()).isFalse();
    }

    @Test
    void json_null_counts_as_absent() {
        JsonFields fields = fields("{\"optional\":null,\"required\":null}");

        assertThat(fields.string("optional", false)).isNull();
        assertThat(fields.string("required", true)).isNull();
        assertThat(violations(fields)).containsExactly(new Violation("required", "is required"));
    }

    @Test
    void missing_required_fields_are_each_recorded() {
        JsonFields fields = fields("{}");

        fields.string("name", true);
        fields.integer("count", true);
        fields.bool("on", true);
        fields.objects("items", true);

        assertThat(violations(fields)).extracting(Violation::field).containsExactly("name", "count", "on", "items");
        assertThat(violations(fields)).extracting(Violation::message).containsOnly("is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "true", "[]", "{}", "1.5"})
    void string_field_rejects_other_types(String json) {
        JsonFields fields = fields("{\"name\":" + json + "}");

        assertThat(fields.string("name", true)).isNull();
        assertThat(violations(fields)).containsExactly(new Violation("name", "must be a string"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"3\"", "true", "[3]", "{}"})
    void integer_field_rejects_other_types(String json) {
        JsonFields fields = fields("{\"count\":" + json + "}");

        assertThat(fields.integer("count", true)).isNull();
        assertThat(violations(fields)).containsExactly(new Violation("count", "must be an integer"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.7", "2.0", "1e2", "-0.0"})
    void integer_field_rejects_fractions(String json) {
        JsonFields fields = fields("{\"count\":" + json + "}");

        assertThat(fields.integer("count", true)).isNull();
        assertThat(violations(fields)).containsExactly(new Violation("count", "must be an integer, not a fraction"));
    }

    @Test
    void integer_field_rejects_numbers_beyond_long() {
        JsonFields fields = fields("{\"count\":9223372036854775808}");

        assertThat(fields.integer("count", true)).isNull();
        assertThat(violations(fields)).containsExactly(new Violation("count", "is out of range"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"true\"", "1", "0", "null"})
    void bool_field_rejects_other_types(String json) {
        JsonFields fields = fields("{\"on\":" + json + "}");

        assertThat(fields.bool("on", true)).isNull();
        assertThat(violations(fields)).hasSize(1);
        assertThat(violations(fields).get(0).field()).isEqualTo("on");
    }

    @Test
    void unknown_fields_are_recorded_by_path() {
        JsonFields root = fields("{\"known\":1,\"extra\":2,\"items\":[{\"sku\":\"a\",\"price\":\"1.00\"}]}")
                .allowOnly(Set.of("known", "items"));

        List<JsonFields> items = root.objects("items", true);
        items.get(0).allowOnly(Set.of("sku"));

        assertThat(violations(root)).containsExactly(
                new Violation("extra", "is not a known field"),
                new Violation("items[0].price", "is not a known field"));
    }

    @Test
    void nested_violations_are_named_by_their_path() {
        JsonFields root = fields("{\"items\":[{\"sku\":\"a\",\"quantity\":1},{\"sku\":3,\"quantity\":\"2\"}]}");

        List<JsonFields> items = root.objects("items", true);
        for (JsonFields item : items) {
            item.string("sku", true);
            item.integer("quantity", true);
        }

        assertThat(violations(root)).extracting(Violation::field)
                .containsExactly("items[1].sku", "items[1].quantity");
    }

    @Test
    void objects_field_rejects_a_non_array() {
        JsonFields fields = fields("{\"items\":{\"sku\":\"a\"}}");

        assertThat(fields.objects("items", true)).isNull();
        assertThat(violations(fields)).containsExactly(new Violation("items", "must be an array"));
    }

    @Test
    void objects_field_records_non_object_elements() {
        JsonFields fields = fields("{\"items\":[{\"sku\":\"a\"},\"b\",null,3]}");

        List<JsonFields> items = fields.objects("items", true);

        assertThat(items).hasSize(1);
        assertThat(violations(fields)).extracting(Violation::field).containsExactly("items[1]", "items[2]", "items[3]");
        assertThat(violations(fields)).extracting(Violation::message).containsOnly("must be an object");
    }

    @Test
    void empty_array_is_no_violation() {
        JsonFields fields = fields("{\"items\":[]}");

        assertThat(fields.objects("items", true)).isEmpty();
        assertThat(fields.hasViolations()).isFalse();
    }

    @Test
    void require_valid_lists_every_violation_in_order() {
        JsonFields fields = fields("{\"a\":1,\"b\":\"x\"}").allowOnly(Set.of("b", "c"));
        fields.integer("b", true);
        fields.string("c", true);

        assertThatThrownBy(fields::requireValid)
                .isInstanceOfSatisfying(OrderException.class, refusal -> {
                    assertThat(refusal.reason()).isEqualTo(OrderException.Reason.INVALID);
                    assertThat(refusal.violations()).extracting(Violation::field).containsExactly("a", "b", "c");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"text\"", "3", "null", "true"})
    void root_that_is_not_an_object_is_invalid(String json) {
        Object document = StrictJsonParser.parse(json.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> JsonFields.root(document))
                .isInstanceOfSatisfying(OrderException.class, refusal -> {
                    assertThat(refusal.reason()).isEqualTo(OrderException.Reason.INVALID);
                    assertThat(refusal.violations()).extracting(Violation::field).containsExactly("body");
                });
    }

    private static JsonFields fields(String json) {
        return JsonFields.root(StrictJsonParser.parse(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** Returns the violations recorded so far, read through {@link JsonFields#requireValid()}. */
    private static List<Violation> violations(JsonFields fields) {
        try {
            fields.requireValid();
            return List.of();
        } catch (OrderException invalid) {
            return invalid.violations();
        }
    }
}
