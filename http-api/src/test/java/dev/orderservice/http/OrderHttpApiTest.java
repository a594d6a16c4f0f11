package dev.orderservice.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderservice.core.domain.OrderException;
import dev.orderservice.core.port.in.ApplyOrderEventUseCase;
import dev.orderservice.core.port.in.CancelOrderUseCase;
import dev.orderservice.core.port.in.GetOrderUseCase;
import dev.orderservice.core.port.in.ListOrdersUseCase;
import dev.orderservice.core.port.in.ListProductsUseCase;
import dev.orderservice.core.port.in.PlaceOrderUseCase;
import dev.orderservice.http.contract.JsonBody;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The responses of {@link OrderHttpApi} that a healthy server cannot produce, for a store that is down and for a
 * use case that fails unexpectedly. Every use case here is a fake that throws.
 */
class OrderHttpApiTest {

    private static final String ORDER_ID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    private static final String PLACE_ORDER_BODY =
            "{\"customerId\":\"cust-42\",\"items\":[{\"sku\":\"SKU-MUG-01\",\"quantity\":1}]}";
    private static final String INTERNAL_DETAIL = "table orders-prod in eu-west-1 throttled, 4 retries";

    static Stream<Arguments> everyOperation() {
        return Stream.of(
                Arguments.of("GET /products", HttpRequest.builder("GET", "/products").build()),
                Arguments.of("POST /orders", jsonRequest("POST", "/orders", PLACE_ORDER_BODY)),
                Arguments.of("GET /orders/{id}", HttpRequest.builder("GET", "/orders/" + ORDER_ID).build()),
                Arguments.of("GET /orders", HttpRequest.builder("GET", "/orders")
                        .query("customerId", List.of("cust-42")).build()),
                Arguments.of("POST /orders/{id}/cancel", HttpRequest.builder("POST", "/orders/" + ORDER_ID + "/cancel")
                        .build()),
                Arguments.of("POST /events", jsonRequest("POST", "/events", "{\"eventId\":\"evt-1\","
                        + "\"type\":\"PaymentCaptured\",\"orderId\":\"" + ORDER_ID + "\","
                        + "\"occurredAt\":\"2026-12-04T19:03:00Z\"}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyOperation")
    void unavailable_store_is_503_with_retry_after(String operation, HttpRequest request) {
        OrderHttpApi api = apiWhoseUseCasesThrow(() -> OrderException.unavailable(INTERNAL_DETAIL,
                new IllegalStateException("connection refused: orders.internal:8000")));

        HttpResponse response = api.handle(request);

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.headers()).containsEntry("Content-Type", "application/problem+json");
        assertThat(response.headers().get("Retry-After")).matches("[1-9][0-9]*");
        JsonBody problem = JsonBody.parse(response.body());
        assertThat(problem.integer("status")).isEqualTo(503);
        assertThat(problem.string("type")).isNotBlank();
        assertThat(problem.string("title")).isNotBlank();
        assertThat(problem.string("detail")).isNotBlank();
        assertThat(text(response)).doesNotContain("orders-prod", "eu-west-1", "orders.internal", "Exception",
                "at dev.");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyOperation")
    void unexpected_failure_is_500_without_details(String operation, HttpRequest request) {
        IllegalStateException failure = new IllegalStateException("secret: jdbc password=hunter2");
        OrderHttpApi api = apiWhoseUseCasesThrow(() -> failure);

        HttpResponse response = api.handle(request);

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.headers()).containsEntry("Content-Type", "application/problem+json");
        JsonBody problem = JsonBody.parse(response.body());
        assertThat(problem.integer("status")).isEqualTo(500);
        assertThat(problem.string("type")).isNotBlank();
        assertThat(problem.string("title")).isNotBlank();
        assertThat(problem.string("detail")).isNotBlank();
        assertThat(text(response)).doesNotContain("hunter2", "IllegalStateException", "Exception", "at dev.");
        assertThat(response.failure()).containsSame(failure);
    }

    @Test
    void head_failure_keeps_failure_without_body() {
        IllegalStateException failure = new IllegalStateException("catalog broken");
        OrderHttpApi api = apiWhoseUseCasesThrow(() -> failure);

        HttpResponse response = api.handle(HttpRequest.builder("HEAD", "/products").build());

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.body()).isEmpty();
        assertThat(response.failure()).containsSame(failure);
    }

    @Test
    void refusals_have_no_failure_to_log() {
        OrderHttpApi api = apiWhoseUseCasesThrow(() -> OrderException.notFound("no such order"));

        HttpResponse response = api.handle(HttpRequest.builder("GET", "/orders/" + ORDER_ID).build());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.failure()).isEmpty();
    }

    @Test
    void unavailable_store_carries_its_cause_for_the_log() {
        OrderHttpApi api = apiWhoseUseCasesThrow(() -> OrderException.unavailable(INTERNAL_DETAIL, null));

        HttpResponse response = api.handle(HttpRequest.builder("GET", "/products").build());

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.failure()).hasValueSatisfying(failure -> assertThat(failure)
                .isInstanceOfSatisfying(OrderException.class,
                        refusal -> assertThat(refusal.reason()).isEqualTo(OrderException.Reason.UNAVAILABLE)));
        assertThat(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain(INTERNAL_DETAIL);
    }

    @Test
    void failure_for_allowed_origin_keeps_cors_headers() {
        OrderHttpApi api = OrderHttpApi.forLambda(throwingUseCases(() -> new IllegalStateException("boom")),
                CorsPolicy.allowing(Set.of("https://shop.example.test")));

        HttpResponse response = api.handle(HttpRequest.builder("GET", "/products")
                .header("Origin", "https://shop.example.test").build());

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.headers()).containsEntry("Access-Control-Allow-Origin", "https://shop.example.test");
    }

    @Test
    void lambda_api_has_no_health_or_events_routes() {
        OrderHttpApi api = OrderHttpApi.forLambda(throwingUseCases(() -> new AssertionError("not called")),
                CorsPolicy.none());

        HttpResponse health = api.handle(HttpRequest.builder("GET", "/health").build());
        HttpResponse events = api.handle(jsonRequest("POST", "/events", "{}"));

        assertThat(health.status()).isEqualTo(404);
        assertThat(events.status()).isEqualTo(404);
        assertThat(health.headers()).containsEntry("Content-Type", "application/problem+json");
    }

    @Test
    void local_api_has_a_health_route() {
        OrderHttpApi api = OrderHttpApi.forLocalServer(throwingUseCases(() -> new AssertionError("not called")),
                CorsPolicy.none());

        HttpResponse health = api.handle(HttpRequest.builder("GET", "/health").build());

        assertThat(health.status()).isEqualTo(200);
        assertThat(text(health)).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void oversized_body_is_rejected_before_use_cases() {
        OrderHttpApi api = OrderHttpApi.forLambda(throwingUseCases(() -> new AssertionError("not called")),
                CorsPolicy.none());
        byte[] body = new byte[OrderHttpApi.MAX_BODY_BYTES + 1];

        HttpResponse response = api.handle(HttpRequest.builder("POST", "/orders")
                .header("Content-Type", "application/json").body(body).build());

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.failure()).isEmpty();
    }

    @Test
    void header_names_are_matched_in_any_case() {
        OrderHttpApi api = OrderHttpApi.forLambda(throwingUseCases(() -> new AssertionError("not called")),
                CorsPolicy.none());

        HttpResponse response = api.handle(HttpRequest.builder("POST", "/orders")
                .header("content-type", "application/json")
                .body("{".getBytes(StandardCharsets.UTF_8)).build());

        assertThat(response.status()).isEqualTo(400);
    }

    private static OrderHttpApi apiWhoseUseCasesThrow(Supplier<? extends Throwable> failure) {
        return OrderHttpApi.forLocalServer(throwingUseCases(failure), CorsPolicy.none());
    }

    /** Returns use cases that each throw what {@code failure} supplies, as a broken store or a bug would. */
    private static OrderHttpApi.UseCases throwingUseCases(Supplier<? extends Throwable> failure) {
        PlaceOrderUseCase placeOrder = command -> throwUnchecked(failure);
        GetOrderUseCase getOrder = orderId -> throwUnchecked(failure);
        ListOrdersUseCase listOrders = query -> throwUnchecked(failure);
        CancelOrderUseCase cancelOrder = command -> throwUnchecked(failure);
        ApplyOrderEventUseCase applyEvent = event -> throwUnchecked(failure);
        ListProductsUseCase listProducts = () -> throwUnchecked(failure);
        return new OrderHttpApi.UseCases(placeOrder, getOrder, listOrders, cancelOrder, applyEvent, listProducts);
    }

    private static <T> T throwUnchecked(Supplier<? extends Throwable> failure) {
        Throwable thrown = failure.get();
        if (thrown instanceof RuntimeException) {
            throw (RuntimeException) thrown;
        }
        throw (Error) thrown;
    }

    private static HttpRequest jsonRequest(String method, String path, String json) {
        return HttpRequest.builder(method, path)
                .header("Content-Type", "application/json")
                .body(json.getBytes(StandardCharsets.UTF_8))
                .build();
    }

    private static String text(HttpResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
