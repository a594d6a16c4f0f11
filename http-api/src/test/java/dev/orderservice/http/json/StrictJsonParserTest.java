package dev.orderservice.http.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonParserTest {

    @Test
    void object_keeps_its_fields_in_document_order() {
        Object value = parse("{\"b\":1,\"a\":\"x\",\"c\":true}");

        assertThat(value).isInstanceOf(Map.class);
        assertThat(List.copyOf(((Map<?, ?>) value).keySet())).isEqualTo(List.of("b", "a", "c"));
    }

    @Test
    void values_become_plain_java_values() {
        Map<?, ?> object = (Map<?, ?>) parse("{\"text\":\"é\",\"integer\":42,\"negative\":-7,\"fraction\":2.50,"
                + "\"yes\":true,\"no\":false,\"nothing\":null,\"list\":[1,\"two\"]}");

        assertThat(object.get("text")).isEqualTo("é");
        assertThat(object.get("integer")).isEqualTo(42L);
        assertThat(object.get("negative")).isEqualTo(-7L);
        assertThat(object.get("fraction")).isEqualTo(new BigDecimal("2.50"));
        assertThat(object.get("yes")).isEqualTo(Boolean.TRUE);
        assertThat(object.get("no")).isEqualTo(Boolean.FALSE);
        assertThat(object.get("nothing")).isSameAs(StrictJsonParser.NULL);
        assertThat(object.get("list")).isEqualTo(List.of(1L, "two"));
    }

    @Test
    void null_is_told_apart_from_an_absent_key() {
        Map<?, ?> object = (Map<?, ?>) parse("{\"a\":null}");

        assertThat(object.containsKey("a")).isTrue();
        assertThat(object.get("a")).isSameAs(StrictJsonParser.NULL);
        assertThat(object.containsKey("b")).isFalse();
    }

    @Test
    void integer_with_a_zero_fraction_stays_a_fraction() {
        assertThat(parse("2.0")).isEqualTo(new BigDecimal("2.0"));
        assertThat(parse("1e2")).isInstanceOf(BigDecimal.class);
    }

    @Test
    void integer_beyond_a_long_becomes_a_big_integer() {
        assertThat(parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(parse("9223372036854775808")).isEqualTo(new BigInteger("9223372036854775808"));
        assertThat(parse("-9223372036854775809")).isEqualTo(new BigInteger("-9223372036854775809"));
    }

    @Test
    void escapes_are_decoded() {
        assertThat(parse("\"Gr\\u00f6\\u00dfe \\\"M\\\"\\n\\ud83d\\udce6\\/\"")).isEqualTo("Größe \"M\"\n\uD83D\uDCE6/");
    }

    @Test
    void surrounding_white_space_is_allowed() {
        assertThat(parse(" \r\n\t{}\n ")).isEqualTo(Map.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1,\"a\":2}", "{\"a\":1,\"b\":{\"c\":1,\"c\":1}}", "[{\"x\":null,\"x\":null}]"})
    void duplicate_key_is_malformed(String json) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(MalformedJsonException.class)
                .hasMessageContaining("Duplicate");
    }

    @Test
    void duplicate_key_is_reported_at_its_line() {
        MalformedJsonException error = malformed("{\n\"a\":1,\n\"a\":2}");

        assertThat(error.line()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{} {}", "{}x", "{}}", "[1] 2", "1 2", "\"a\"\"b\"", "{}\u0000", "null null"})
    void trailing_content_is_malformed(String json) {
        assertThatThrownBy(() -> parse(json)).isInstanceOf(MalformedJsonException.class);
    }

    @Test
    void trailing_content_is_reported_where_it_starts() {
        MalformedJsonException error = malformed("{\"a\":1}\n  {}");

        assertThat(error.line()).isEqualTo(2);
        assertThat(error.getMessage()).contains("line 2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\t"})
    void empty_input_is_malformed(String json) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(MalformedJsonException.class)
                .hasMessageContaining("empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{'a':1}", "{a:1}", "[1,]", "{\"a\":1,}", "NaN", "Infinity", "-Infinity", "01", "+1",
        ".5", "1.", "0x10", "/* c */ {}", "// c\n{}", "{\"a\":\"tab\there\"}", "\"\\x41\"", "[", "{\"a\"", "tru",
        "True", "undefined"})
    void lenient_syntax_is_malformed(String json) {
        assertThatThrownBy(() -> parse(json)).isInstanceOf(MalformedJsonException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"C3 28", "A0 A1", "C0 AF", "E0 80 AF", "ED A0 80", "F4 90 80 80", "FF", "FE FF 00 7B"})
    void invalid_utf8_is_malformed(String hex) {
        byte[] invalid = hexBytes(hex);
        byte[] json = new byte[invalid.length + 2];
        json[0] = '"';
        System.arraycopy(invalid, 0, json, 1, invalid.length);
        json[json.length - 1] = '"';

        assertThatThrownBy(() -> StrictJsonParser.parse(json))
                .isInstanceOf(MalformedJsonException.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void utf16_input_is_malformed() {
        byte[] utf16 = "{\"a\":1}".getBytes(StandardCharsets.UTF_16);

        assertThatThrownBy(() -> StrictJsonParser.parse(utf16)).isInstanceOf(MalformedJsonException.class);
    }

    @Test
    void leading_byte_order_mark_is_skipped() {
        byte[] json = bytes("\uFEFF{\"a\":\"b\"}");

        assertThat(StrictJsonParser.parse(json)).isEqualTo(Map.of("a", "b"));
    }

    @Test
    void second_byte_order_mark_is_malformed() {
        byte[] json = bytes("\uFEFF\uFEFF{}");

        assertThatThrownBy(() -> StrictJsonParser.parse(json)).isInstanceOf(MalformedJsonException.class);
    }

    @Test
    void byte_order_mark_inside_a_string_is_kept() {
        assertThat(parse("\"a\uFEFFb\"")).isEqualTo("a\uFEFFb");
    }

    @Test
    void nesting_32_levels_deep_is_read() {
        String json = "[".repeat(32) + "]".repeat(32);

        assertThat(parse(json)).isInstanceOf(List.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {33, 1_000, 100_000})
    void nesting_deeper_than_32_levels_is_malformed(int depth) {
        String arrays = "[".repeat(depth) + "]".repeat(depth);
        String objects = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);

        assertThatThrownBy(() -> parse(arrays)).isInstanceOf(MalformedJsonException.class);
        assertThatThrownBy(() -> parse(objects)).isInstanceOf(MalformedJsonException.class);
    }

    @Test
    void number_of_64_digits_is_read() {
        String digits = "1".repeat(64);

        assertThat(parse(digits)).isEqualTo(new BigInteger(digits));
    }

    @ParameterizedTest
    @ValueSource(strings = {"65 digits", "65 decimals", "100000 digits"})
    void number_longer_than_64_characters_is_malformed(String shape) {
        String json = switch (shape) {
            case "65 digits" -> "1".repeat(65);
            case "65 decimals" -> "0." + "1".repeat(65);
            default -> "9".repeat(100_000);
        };

        assertThatThrownBy(() -> parse(json)).isInstanceOf(MalformedJsonException.class);
    }

    @Test
    void huge_exponent_is_read_without_expanding_it() {
        Object value = parse("1e999999");

        assertThat(value).isInstanceOf(BigDecimal.class);
        assertThat(((BigDecimal) value).scale()).isEqualTo(-999999);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e9999999999", "1e-9999999999"})
    void exponent_beyond_an_int_is_out_of_range(String json) {
        assertThat(parse(json)).isSameAs(StrictJsonParser.OUT_OF_RANGE);
    }

    @Test
    void exponent_beyond_an_int_in_a_field_is_out_of_range() {
        Object value = parse("{\"quantity\":5e-2147483649,\"other\":[1E+2147483648]}");

        assertThat(((Map<?, ?>) value).get("quantity")).isSameAs(StrictJsonParser.OUT_OF_RANGE);
        assertThat(((List<?>) ((Map<?, ?>) value).get("other")).get(0)).isSameAs(StrictJsonParser.OUT_OF_RANGE);
    }

    @Test
    void million_character_string_is_read() {
        String text = "a".repeat(1_000_000);

        Object value = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> parse("\"" + text + "\""));

        assertThat(value).isEqualTo(text);
    }

    @Test
    void error_names_line_and_column() {
        MalformedJsonException error = malformed("{\n  \"a\": 1,\n  \"b\": }");

        assertThat(error.line()).isEqualTo(3);
        assertThat(error.column()).isGreaterThan(1);
        assertThat(error.getMessage()).contains("line 3").contains("column " + error.column());
    }

    @Test
    void error_message_is_one_line() {
        MalformedJsonException error = malformed("{\"a\" 1}");

        assertThat(error.getMessage()).doesNotContain("\n");
    }

    @Test
    void line_of_an_object_is_where_it_starts() {
        List<?> items = (List<?>) ((Map<?, ?>) parse("{\"items\":[\n{\"a\":1},\n\n  {\"b\":\n2}]}")).get("items");

        assertThat(StrictJsonParser.lineOf(cast(items.get(0)))).isEqualTo(2);
        assertThat(StrictJsonParser.lineOf(cast(items.get(1)))).isEqualTo(4);
    }

    @Test
    void line_of_an_object_built_elsewhere_is_1() {
        assertThat(StrictJsonParser.lineOf(Map.of("a", 1))).isEqualTo(1);
    }

    private static Object parse(String json) {
        return StrictJsonParser.parse(bytes(json));
    }

    private static MalformedJsonException malformed(String json) {
        try {
            parse(json);
        } catch (MalformedJsonException expected) {
            return expected;
        }
        throw new AssertionError("parsed without an error: " + json);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hexBytes(String hex) {
        String[] pairs = hex.split(" ");
        byte[] bytes = new byte[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            bytes[i] = (byte) Integer.parseInt(pairs[i], 16);
        }
        return bytes;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object object) {
        return (Map<String, Object>) object;
    }
}
