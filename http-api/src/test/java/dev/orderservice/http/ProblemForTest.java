package dev.orderservice.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderservice.core.domain.OrderException;
import dev.orderservice.core.domain.OrderException.Violation;
import dev.orderservice.http.json.MalformedJsonException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemForTest {

    @Test
    void invalid_field_is_400_with_errors() {
        HttpResponse response = OrderHttpApi.problemFor(OrderException.invalid("items[0].quantity",
                "must be between 1 and 1000"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers()).containsEntry("Content-Type", "application/problem+json");
        assertThat(body(response)).isEqualTo("{\"type\":\"/problems/validation-failed\",\"title\":\"Request is not"
                + " valid\",\"status\":400,\"detail\":\"items[0].quantity must be between 1 and 1000\",\"errors\":"
                + "[{\"field\":\"items[0].quantity\",\"message\":\"must be between 1 and 1000\"}]}");
    }

    @Test
    void malformed_json_is_400_malformed_json() {
        HttpResponse response = OrderHttpApi.problemFor(new MalformedJsonException("unexpected end of input", 1, 9));

        assertThat(response.status()).isEqualTo(400);
        assertThat(body(response)).contains("\"type\":\"/problems/malformed-json\"", "line 1, column 9");
    }

    @Test
    void unknown_sku_is_422() {
        HttpResponse response = OrderHttpApi.problemFor(OrderException.rejected("SKU-NOPE is not in the catalog",
                List.of(new Violation("items[0].sku", "SKU-NOPE is not in the catalog"))));

        assertThat(response.status()).isEqualTo(422);
        assertThat(body(response)).contains("\"type\":\"/problems/request-rejected\"");
    }

    @Test
    void unexpected_failure_is_500_with_cause_kept() {
        IllegalStateException bug = new IllegalStateException("a bug");

        HttpResponse response = OrderHttpApi.problemFor(bug);

        assertThat(response.status()).isEqualTo(500);
        assertThat(body(response)).doesNotContain("a bug");
        assertThat(response.failure()).containsSame(bug);
    }

    private static String body(HttpResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
