package dev.orderservice.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class QueryStringTest {

    @ParameterizedTest
    @NullAndEmptySource
    void absent_or_empty_query_has_no_parameters(String rawQuery) {
        assertThat(QueryString.parse(rawQuery)).isEmpty();
    }

    @Test
    void parameters_keep_their_order() {
        Map<String, List<String>> parameters = QueryString.parse("customerId=cust-42&limit=2&cursor=abc.def");

        assertThat(parameters.keySet()).containsExactly("customerId", "limit", "cursor");
        assertThat(parameters.get("customerId")).containsExactly("cust-42");
        assertThat(parameters.get("limit")).containsExactly("2");
        assertThat(parameters.get("cursor")).containsExactly("abc.def");
    }

    @Test
    void repeated_name_keeps_every_value_in_order() {
        Map<String, List<String>> parameters = QueryString.parse("limit=1&customerId=a&limit=2&limit=1");

        assertThat(parameters.get("limit")).containsExactly("1", "2", "1");
        assertThat(parameters.get("customerId")).containsExactly("a");
    }

    @ParameterizedTest(name = "{0} -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "a+b | a b",
        "a%20b | a b",
        "%2B | +",
        "cust%40example | cust@example",
        "%3D%26 | =&",
        "%c3%a9 | é",
        "%C3%A9t%C3%A9 | été",
        "%E8%BF%94%E5%93%81 | 返品",
        "%F0%9F%93%A6 | \uD83D\uDCE6",
        "été | été",
        "返品 | 返品"})
    void value_is_decoded(String raw, String decoded) {
        assertThat(QueryString.parse("q=" + raw).get("q")).containsExactly(decoded);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "% | %",
        "%4 | %4",
        "%G1 | %G1",
        "%4G | %4G",
        "100% | 100%",
        "a%2 | a%2",
        "%%41 | %A",
        "%zz%41 | %zzA"})
    void malformed_escape_is_kept_as_written(String raw, String decoded) {
        assertThat(QueryString.parse("q=" + raw).get("q")).containsExactly(decoded);
    }

    @Test
    void name_is_decoded_too() {
        Map<String, List<String>> parameters = QueryString.parse("%63ustomer%49d=a&my+name=b");

        assertThat(parameters).containsOnlyKeys("customerId", "my name");
    }

    @Test
    void name_without_equals_sign_has_an_empty_value() {
        Map<String, List<String>> parameters = QueryString.parse("flag&limit=");

        assertThat(parameters.get("flag")).containsExactly("");
        assertThat(parameters.get("limit")).containsExactly("");
    }

    @Test
    void value_may_contain_equals_signs() {
        assertThat(QueryString.parse("cursor=abc==.d=").get("cursor")).containsExactly("abc==.d=");
    }

    @Test
    void empty_pairs_are_skipped() {
        Map<String, List<String>> parameters = QueryString.parse("&&a=1&&b=2&");

        assertThat(parameters).containsOnlyKeys("a", "b");
    }

    @Test
    void escaped_ampersand_does_not_split_a_value() {
        assertThat(QueryString.parse("customerId=a%26limit%3D5").get("customerId")).containsExactly("a&limit=5");
    }

    @Test
    void invalid_utf8_escape_decodes_to_a_replacement_character() {
        List<String> values = QueryString.parse("q=%FF").get("q");

        assertThat(values).containsExactly("\uFFFD");
    }
}
