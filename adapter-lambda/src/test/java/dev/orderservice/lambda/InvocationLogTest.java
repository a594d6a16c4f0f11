package dev.orderservice.lambda;

import static dev.orderservice.http.contract.TestRequest.get;
import static dev.orderservice.http.contract.TestRequest.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderservice.http.CorsPolicy;
import dev.orderservice.http.OrderHttpApi;
import dev.orderservice.http.contract.ApiClient.ApiRequest;
import dev.orderservice.http.contract.ApiClient.ApiResponse;
import dev.orderservice.http.contract.HttpContractTest;
import dev.orderservice.http.contract.JsonBody;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one JSON line per invocation, and the Embedded Metric Format metrics in it. */
class InvocationLogTest {

    private static final String ORDER = "{\"customerId\":\"cust-log-1\",\"items\":[{\"sku\":\"SKU-TSHIRT-M\","
            + "\"quantity\":2},{\"sku\":\"SKU-MUG-01\",\"quantity\":1}]}";

    private final TestFunction function = TestFunction.inMemory(HttpContractTest.ALLOWED_ORIGIN);
    private final LambdaApiClient client = LambdaApiClient.httpApi(function.httpApiHandler(),
            HttpApiEventWriter.defaultStage());

    private JsonBody lastLine() {
        List<String> lines = function.logLines();
        return JsonBody.parse(lines.get(lines.size() - 1).getBytes(StandardCharsets.UTF_8));
    }

    private ApiResponse send(ApiRequest request) {
        return client.send(request);
    }

    @Test
    void placed_order_line_has_ids_and_status() {
        ApiResponse response = send(post("/orders").json(ORDER).build());

        JsonBody line = lastLine();
        assertThat(function.logLines()).hasSize(1);
        assertThat(line.string("level")).isEqualTo("INFO");
        assertThat(line.string("requestId")).isNotBlank();
        assertThat(line.string("method")).isEqualTo("POST");
        assertThat(line.string("path")).isEqualTo("/orders");
        assertThat(line.integer("status")).isEqualTo(201);
        assertThat(line.value("durationMs")).isInstanceOf(Number.class);
        assertThat(line.string("orderId")).isEqualTo(JsonBody.of(response).string("orderId"));
        assertThat(line.bool("coldStart")).isTrue();
    }

    @Test
    void placed_order_line_has_emf_metrics() {
        send(post("/orders").json(ORDER).build());

        JsonBody line = lastLine();
        assertThat(line.value("_aws.Timestamp")).isInstanceOf(Long.class);
        assertThat(line.string("_aws.CloudWatchMetrics[0].Namespace")).isEqualTo("OrderService");
        assertThat(line.string("_aws.CloudWatchMetrics[0].Dimensions[0][0]")).isEqualTo("Service");
        assertThat(line.strings("_aws.CloudWatchMetrics[0].Metrics", "Name"))
                .containsExactly("ColdStart", "OrdersPlaced", "OrderValue");
        assertThat(line.strings("_aws.CloudWatchMetrics[0].Metrics", "Unit")).containsExactly("Count", "Count", "None");
        assertThat(line.string("Service")).isEqualTo("order-service");
        assertThat(line.integer("ColdStart")).isEqualTo(1);
        assertThat(line.integer("OrdersPlaced")).isEqualTo(1);
        assertThat(new BigDecimal(line.value("OrderValue").toString())).isEqualByComparingTo("61.81");
        assertThat(line.string("currency")).isEqualTo("USD");
    }

    @Test
    void cold_start_is_reported_once() {
        send(get("/products").build());
        send(get("/products").build());

        JsonBody second = lastLine();
        assertThat(second.bool("coldStart")).isFalse();
        assertThat(second.has("ColdStart")).isFalse();
        assertThat(second.has("_aws")).isFalse();
    }

    @Test
    void replay_is_not_counted_as_placed() {
        send(post("/orders").header("Idempotency-Key", "log-key-1").json(ORDER).build());

        ApiResponse replay = send(post("/orders").header("Idempotency-Key", "log-key-1").json(ORDER).build());

        JsonBody line = lastLine();
        assertThat(replay.header("Idempotent-Replayed")).hasValue("true");
        assertThat(line.string("orderId")).isEqualTo(JsonBody.of(replay).string("orderId"));
        assertThat(line.has("OrdersPlaced")).isFalse();
        assertThat(line.has("OrderValue")).isFalse();
    }

    @Test
    void order_id_comes_from_the_path() {
        String orderId = JsonBody.of(send(post("/orders").json(ORDER).build())).string("orderId");

        send(post("/orders/" + orderId + "/cancel").build());

        assertThat(lastLine().string("orderId")).isEqualTo(orderId);
        assertThat(lastLine().string("path")).isEqualTo("/orders/" + orderId + "/cancel");
    }

    @Test
    void line_has_no_body_query_or_headers() {
        send(post("/orders").header("Idempotency-Key", "secret-key-7").json(ORDER).build());
        send(get("/orders?customerId=cust-log-1").build());

        String lines = String.join("\n", function.logLines());
        assertThat(lines).doesNotContain("cust-log-1");
        assertThat(lines).doesNotContain("secret-key-7");
        assertThat(lines).doesNotContain("SKU-TSHIRT-M");
    }

    @Test
    void failure_is_logged_with_stack_trace_not_sent() {
        OrderHttpApi failing = OrderHttpApi.forLambda(new OrderHttpApi.UseCases(null, null, null, null, null, () -> {
            throw new IllegalStateException("catalog table vanished");
        }), CorsPolicy.none());
        ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        InvocationLog log = new InvocationLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8),
                Clock.systemUTC());
        LambdaApiClient failingClient = LambdaApiClient.httpApi(new HttpApiHandler(failing, log),
                HttpApiEventWriter.defaultStage());

        ApiResponse response = failingClient.send(get("/products").build());

        JsonBody line = JsonBody.parse(logBytes.toByteArray());
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.bodyText()).doesNotContain("catalog table vanished");
        assertThat(line.string("level")).isEqualTo("ERROR");
        assertThat(line.integer("status")).isEqualTo(500);
        assertThat(line.string("error")).contains("IllegalStateException: catalog table vanished");
        assertThat(line.string("error")).contains("\tat ");
    }

    @Test
    void non_json_event_gets_500() {
        byte[] output = client.invoke("not an event".getBytes(StandardCharsets.UTF_8));

        ApiResponse response = LambdaApiClient.readHttpApiResponse(output);
        JsonBody line = lastLine();
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.header("Content-Type")).hasValue("application/problem+json");
        assertThat(line.string("level")).isEqualTo("ERROR");
        assertThat(line.has("method")).isFalse();
        assertThat(line.string("error")).contains("JsonParseException");
    }

    @Test
    void rest_event_error_names_rest_handler() {
        byte[] restEvent = Fixtures.event("rest-api/get-products-on-stage.json");

        ApiResponse response = LambdaApiClient.readHttpApiResponse(client.invoke(restEvent));

        assertThat(response.status()).isEqualTo(500);
        assertThat(lastLine().string("error")).contains("dev.orderservice.lambda.RestApiHandler");
    }

    @Test
    void http_event_error_names_http_handler() {
        LambdaApiClient restClient = LambdaApiClient.restApi(function.restApiHandler(), RestApiEventWriter.prodStage());
        byte[] httpEvent = Fixtures.event("http-api/get-products-named-stage.json");

        ApiResponse response = LambdaApiClient.readRestApiResponse(restClient.invoke(httpEvent));

        assertThat(response.status()).isEqualTo(500);
        assertThat(lastLine().string("error")).contains("dev.orderservice.lambda.HttpApiHandler");
    }

    @Test
    void warning_is_one_json_line() {
        ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        InvocationLog log = new InvocationLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8),
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

        log.warning("ORDERS_CURSOR_SECRET is not set");

        String text = logBytes.toString(StandardCharsets.UTF_8);
        JsonBody line = JsonBody.parse(text.getBytes(StandardCharsets.UTF_8));
        assertThat(text).endsWith("\n").doesNotContain("\n\n");
        assertThat(line.string("level")).isEqualTo("WARN");
        assertThat(line.string("message")).isEqualTo("ORDERS_CURSOR_SECRET is not set");
    }
}
