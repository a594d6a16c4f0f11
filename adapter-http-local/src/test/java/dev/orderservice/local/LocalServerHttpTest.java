package dev.orderservice.local;

import static dev.orderservice.http.contract.TestRequest.get;
import static dev.orderservice.http.contract.TestRequest.post;
import static dev.orderservice.http.contract.TestRequest.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderservice.http.contract.ApiClient;
import dev.orderservice.http.contract.ApiClient.ApiResponse;
import dev.orderservice.http.contract.HttpClientApiClient;
import dev.orderservice.http.contract.HttpContractTest;
import dev.orderservice.http.contract.JsonBody;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP contract on the real local server with the in-memory store, over a socket, plus the routes only the
 * local server has: {@code GET /health} and {@code POST /events}.
 */
class LocalServerHttpTest extends HttpContractTest {

    /** The server under test; a subclass on another store starts its own in a static method of the same name. */
    protected static LocalServer server;
    protected static ApiClient client;

    @BeforeAll
    static void startServer() {
        LocalServerSettings settings = LocalServerSettings.forTest(Map.of("CORS_ALLOWED_ORIGINS", ALLOWED_ORIGIN));
        server = InMemoryLocalServerComponent.create(settings).server().start();
        client = HttpClientApiClient.onLocalPort(server.port());
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Override
    protected ApiClient client() {
        return client;
    }

    @Override
    protected void moveToShipped(String orderId) {
        assertThat(sendEvent(newEventId(), "PaymentCaptured", orderId).status()).isEqualTo(200);
        assertThat(sendEvent(newEventId(), "OrderShipped", orderId).status()).isEqualTo(200);
    }

    // GET /health

    @Test
    void health_is_up() {
        ApiResponse response = send(get("/health"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.bodyText()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void health_with_a_trailing_slash_is_up() {
        ApiResponse response = send(get("/health/"));

        assertThat(response.status()).isEqualTo(200);
    }

    // POST /events

    @Test
    void events_move_order_through_life_cycle() {
        JsonBody placed = placeOrder(exampleOrderJson(newCustomerId()));
        String orderId = placed.string("orderId");

        JsonBody paid = JsonBody.of(sendEvent(newEventId(), "PaymentCaptured", orderId));
        JsonBody shipped = JsonBody.of(sendEvent(newEventId(), "OrderShipped", orderId));
        JsonBody delivered = JsonBody.of(sendEvent(newEventId(), "OrderDelivered", orderId));

        assertThat(paid.string("status")).isEqualTo("PAID");
        assertThat(paid.integer("version")).isEqualTo(2);
        assertThat(shipped.string("status")).isEqualTo("SHIPPED");
        assertThat(shipped.integer("version")).isEqualTo(3);
        assertThat(delivered.string("status")).isEqualTo("DELIVERED");
        assertThat(delivered.integer("version")).isEqualTo(4);
        assertThat(delivered.string("updatedAt")).isGreaterThanOrEqualTo(placed.string("updatedAt"));
        assertThat(delivered.string("total")).isEqualTo(placed.string("total"));
        assertThat(JsonBody.of(send(get("/orders/" + orderId))).value("")).isEqualTo(delivered.value(""));
    }

    @Test
    void payment_failure_cancels_a_placed_order() {
        String orderId = placeOrder(exampleOrderJson(newCustomerId())).string("orderId");

        ApiResponse response = sendEvent(newEventId(), "PaymentFailed", orderId);

        assertThat(response.status()).isEqualTo(200);
        assertThat(JsonBody.of(response).string("status")).isEqualTo("CANCELLED");
        assertThat(JsonBody.of(response).string("cancellationReason")).isEqualTo("payment failed");
    }

    @Test
    void delivered_order_cannot_be_cancelled() {
        String orderId = placeOrder(exampleOrderJson(newCustomerId())).string("orderId");
        moveToShipped(orderId);
        sendEvent(newEventId(), "OrderDelivered", orderId);

        ApiResponse response = send(post("/orders/" + orderId + "/cancel"));

        assertProblem(response, 409);
    }

    @Test
    void paid_order_can_be_cancelled() {
        String orderId = placeOrder(exampleOrderJson(newCustomerId())).string("orderId");
        sendEvent(newEventId(), "PaymentCaptured", orderId);

        ApiResponse response = send(post("/orders/" + orderId + "/cancel").header("If-Match", "\"2\""));

        assertThat(response.status()).isEqualTo(200);
        assertThat(JsonBody.of(response).string("status")).isEqualTo("CANCELLED");
        assertThat(JsonBody.of(response).integer("version")).isEqualTo(3);
    }

    @Test
    void cancel_with_version_before_event_is_stale() {
        String orderId = placeOrder(exampleOrderJson(newCustomerId())).string("orderId");
        sendEvent(newEventId(), "PaymentCaptured", orderId);

        ApiResponse response = send(post("/orders/" + orderId + "/cancel").header("If-Match", "\"1\""));

        assertProblem(response, 412);
        assertThat(JsonBody.of(send(get("/orders/" + orderId))).string("status")).isEqualTo("PAID");
    }

    @Test
    void repeated_event_id_changes_nothing() {
        String orderId = placeOrder(exampleOrderJson(newCustomerId())).string("orderId");
        String eventId = newEventId();
        ApiResponse first = sendEvent(eventId, "PaymentCaptured", orderId);

        ApiResponse repeat = sendEvent(eventId, "PaymentCaptured", orderId);

        assertThat(repeat.status()).isEqualTo(200);
        assertThat(JsonBody.of(repeat).integer("version")).isEqualTo(2);
        assertThat(JsonBody.of(repeat).value("")).isEqualTo(JsonBody.of(first).value(""));
    }

    @Test
    void repeated_event_after_a_later_one_changes_nothing() {
        String orderId = placeOrder(exampleOrderJson(newCustomerId())).string("orderId");
        String captured = newEventId();
        sendEvent(captured, "PaymentCaptured", orderId);
        ApiResponse shipped = sendEvent(newEventId(), "OrderShipped", orderId);

        ApiResponse repeat = sendEvent(captured, "PaymentCaptured", orderId);

        assertThat(repeat.status()).isEqualTo(200);
        assertThat(JsonBody.of(repeat).string("status")).isEqualTo("SHIPPED");
        assertThat(JsonBody.of(repeat).integer("version")).isEqualTo(JsonBody.of(shipped).integer("version"));
    }

    @Test
    void event_for_an_unknown_order_is_not_found() {
        ApiResponse response = sendEvent(newEventId(), "PaymentCaptured", UUID.randomUUID().toString());

        assertProblem(response, 404);
    }

    @Test
    void event_that_skips_a_step_is_a_conflict() {
        String orderId = placeOrder(exampleOrderJson(newCustomerId())).string("orderId");

        ApiResponse response = sendEvent(newEventId(), "OrderShipped", orderId);

        assertProblem(response, 409);
        assertThat(JsonBody.of(send(get("/orders/" + orderId))).string("status")).isEqualTo("PLACED");
    }

    @Test
    void event_that_moves_backwards_is_a_conflict() {
        String orderId = placeOrder(exampleOrderJson(newCustomerId())).string("orderId");
        moveToShipped(orderId);

        ApiResponse response = sendEvent(newEventId(), "PaymentFailed", orderId);

        assertProblem(response, 409);
        assertThat(JsonBody.of(send(get("/orders/" + orderId))).string("status")).isEqualTo("SHIPPED");
    }

    @Test
    void event_for_a_cancelled_order_is_a_conflict() {
        String orderId = placeOrder(exampleOrderJson(newCustomerId())).string("orderId");
        send(post("/orders/" + orderId + "/cancel"));

        ApiResponse response = sendEvent(newEventId(), "PaymentCaptured", orderId);

        assertProblem(response, 409);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "PLACED,    PaymentCaptured, 200, PAID,      2",
        "PLACED,    PaymentFailed,   200, CANCELLED, 2",
        "PLACED,    OrderShipped,    409, PLACED,    1",
        "PLACED,    OrderDelivered,  409, PLACED,    1",
        "PAID,      PaymentCaptured, 200, PAID,      2",
        "PAID,      PaymentFailed,   409, PAID,      2",
        "PAID,      OrderShipped,    200, SHIPPED,   3",
        "PAID,      OrderDelivered,  409, PAID,      2",
        "SHIPPED,   PaymentCaptured, 409, SHIPPED,   3",
        "SHIPPED,   PaymentFailed,   409, SHIPPED,   3",
        "SHIPPED,   OrderShipped,    200, SHIPPED,   3",
        "SHIPPED,   OrderDelivered,  200, DELIVERED, 4",
        "DELIVERED, PaymentCaptured, 409, DELIVERED, 4",
        "DELIVERED, PaymentFailed,   409, DELIVERED, 4",
        "DELIVERED, OrderShipped,    409, DELIVERED, 4",
        "DELIVERED, OrderDelivered,  200, DELIVERED, 4",
        "CANCELLED, PaymentCaptured, 409, CANCELLED, 2",
        "CANCELLED, PaymentFailed,   200, CANCELLED, 2",
        "CANCELLED, OrderShipped,    409, CANCELLED, 2",
        "CANCELLED, OrderDelivered,  409, CANCELLED, 2"})
    void event_moves_only_from_its_status(String from, String type, int expectedStatus, String to, long version) {
        String orderId = orderIn(from);

        ApiResponse response = sendEvent(newEventId(), type, orderId);

        if (expectedStatus == 200) {
            assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
        } else {
            assertProblem(response, expectedStatus);
        }
        JsonBody stored = JsonBody.of(send(get("/orders/" + orderId)));
        assertThat(stored.string("status")).isEqualTo(to);
        assertThat(stored.integer("version")).isEqualTo(version);
    }

    @Test
    void payment_failure_keeps_a_customer_cancel_reason() {
        String orderId = orderIn("CANCELLED");

        ApiResponse response = sendEvent(newEventId(), "PaymentFailed", orderId);

        assertThat(response.status()).isEqualTo(200);
        assertThat(JsonBody.of(response).string("cancellationReason")).isEqualTo("changed my mind");
    }

    @Test
    void oversized_event_is_too_large() {
        String orderId = placeOrder(exampleOrderJson(newCustomerId())).string("orderId");
        String padded = eventJson(newEventId(), "PaymentCaptured", orderId).replace("}", " ".repeat(70_000) + "}");

        ApiResponse response = send(post("/events").json(padded));

        assertProblem(response, 413);
        assertThat(JsonBody.of(send(get("/orders/" + orderId))).string("status")).isEqualTo("PLACED");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"eventId\":\"e-1\",\"type\":\"PaymentRefunded\",\"orderId\":\"%s\",\"occurredAt\":\"2026-12-04T19:03:00Z\"}",
        "{\"eventId\":\"e-1\",\"type\":\"paymentCaptured\",\"orderId\":\"%s\",\"occurredAt\":\"2026-12-04T19:03:00Z\"}",
        "{\"eventId\":\"e-1\",\"orderId\":\"%s\",\"occurredAt\":\"2026-12-04T19:03:00Z\"}",
        "{\"eventId\":\"e-1\",\"type\":\"PaymentCaptured\",\"occurredAt\":\"2026-12-04T19:03:00Z\"}",
        "{\"type\":\"PaymentCaptured\",\"orderId\":\"%s\",\"occurredAt\":\"2026-12-04T19:03:00Z\"}",
        "{\"eventId\":\"e-1\",\"type\":\"PaymentCaptured\",\"orderId\":\"%s\",\"occurredAt\":\"2026-12-04T19:03:00\"}",
        "{\"eventId\":\"e-1\",\"type\":\"PaymentCaptured\",\"orderId\":\"%s\",",
        "{\"eventId\":null,\"type\":\"PaymentCaptured\",\"orderId\":\"%s\",\"occurredAt\":\"2026-12-04T19:03:00Z\"}",
        "null",
        "{\"eventId\":\"e 1\",\"type\":\"PaymentCaptured\",\"orderId\":\"%s\",\"occurredAt\":\"2026-12-04T19:03:00Z\"}",
        "{\"eventId\":\"e-1\",\"type\":\"PaymentCaptured\",\"orderId\":\"%s\",\"occurredAt\":\"yesterday\"}",
        "{\"eventId\":\"e-1\",\"type\":\"PaymentCaptured\",\"orderId\":\"not-an-id\",\"occurredAt\":\"2026-12-04T19:03:00Z\"}",
        "{\"eventId\":\"e-1\",\"type\":\"PaymentCaptured\",\"orderId\":\"%s\"}",
        "{\"eventId\":1,\"type\":\"PaymentCaptured\",\"orderId\":\"%s\",\"occurredAt\":\"2026-12-04T19:03:00Z\"}",
        "{\"eventId\":\"e-1\",\"type\":\"PaymentCaptured\",\"orderId\":\"%s\",\"occurredAt\":\"2026-12-04T19:03:00Z\","
            + "\"amount\":\"61.81\"}",
        "{\"eventId\":\"e-1\",\"type\":\"PaymentCaptured\",\"type\":\"OrderShipped\",\"orderId\":\"%s\","
            + "\"occurredAt\":\"2026-12-04T19:03:00Z\"}",
        "[]",
        ""})
    void malformed_event_is_rejected(String template) {
        String orderId = placeOrder(exampleOrderJson(newCustomerId())).string("orderId");

        ApiResponse response = send(post("/events").json(template.replace("%s", orderId)));

        assertProblem(response, 400);
        assertThat(JsonBody.of(send(get("/orders/" + orderId))).string("status")).isEqualTo("PLACED");
    }

    @Test
    void event_without_json_content_type_is_unsupported() {
        String orderId = placeOrder(exampleOrderJson(newCustomerId())).string("orderId");

        ApiResponse response = send(post("/events").header("Content-Type", "text/plain")
                .body(eventJson(newEventId(), "PaymentCaptured", orderId).getBytes(StandardCharsets.UTF_8)));

        assertProblem(response, 415);
    }

    @Test
    void events_take_only_post() {
        ApiResponse response = send(get("/events"));

        assertProblem(response, 405);
        assertThat(response.header("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
    }

    // Errors that Jetty raises before a request reaches the API

    @Test
    void oversized_header_gets_a_problem_document() {
        ApiResponse response = send(get("/products").header("X-Padding", "p".repeat(64 * 1024)));

        assertThat(response.status()).isBetween(400, 499);
        assertThat(response.header("Content-Type")).hasValue("application/problem+json");
        assertThat(JsonBody.of(response).integer("status")).isEqualTo(response.status());
        assertThat(response.bodyText()).doesNotContain("<html", "Exception", "at org.");
    }

    @Test
    void malformed_request_line_gets_a_problem_document() throws IOException {
        String response = sendRaw("GET /pro ducts extra HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(response).doesNotContain("<html", "Exception");
    }

    @Test
    void unusual_method_gets_a_problem_document() throws IOException {
        String response = sendRaw("TRACE /products HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 405");
        assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(response).doesNotContain("<html", "Exception");
    }

    @Test
    void chunked_body_over_64_kib_is_too_large() throws Exception {
        byte[] body = ("{\"customerId\":\"" + newCustomerId() + "\",\"items\":[]" + " ".repeat(70_000) + "}")
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/orders"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void chunked_body_within_64_kib_is_read() throws Exception {
        byte[] body = exampleOrderJson(newCustomerId()).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/orders"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(201);
    }

    @Test
    void content_types_have_no_parameters() {
        ApiResponse products = send(get("/products"));
        ApiResponse problem = send(get("/orders/" + UUID.randomUUID()));

        assertThat(products.header("Content-Type")).hasValue("application/json");
        assertThat(problem.header("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void head_states_the_length_of_the_get_body() {
        ApiResponse getResponse = send(get("/products"));

        ApiResponse head = send(request("HEAD", "/products"));

        assertThat(head.header("Content-Length")).hasValue(String.valueOf(getResponse.body().length));
        assertThat(head.body()).isEmpty();
    }

    /** Sends bytes that {@link HttpClient} cannot send, and returns the whole response as text. */
    private static String sendRaw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private ApiResponse sendEvent(String eventId, String type, String orderId) {
        return send(post("/events").json(eventJson(eventId, type, orderId)));
    }

    private static String eventJson(String eventId, String type, String orderId) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"orderId\":\"" + orderId
                + "\",\"occurredAt\":\"2026-12-04T19:03:00Z\"}";
    }

    /** Places an order and moves it to {@code status} as the payment and shipping services and a customer would. */
    private String orderIn(String status) {
        String orderId = placeOrder(exampleOrderJson(newCustomerId())).string("orderId");
        switch (status) {
            case "PLACED":
                break;
            case "PAID":
                assertThat(sendEvent(newEventId(), "PaymentCaptured", orderId).status()).isEqualTo(200);
                break;
            case "SHIPPED":
                moveToShipped(orderId);
                break;
            case "DELIVERED":
                moveToShipped(orderId);
                assertThat(sendEvent(newEventId(), "OrderDelivered", orderId).status()).isEqualTo(200);
                break;
            case "CANCELLED":
                assertThat(send(post("/orders/" + orderId + "/cancel").json("{\"reason\":\"changed my mind\"}"))
                        .status()).isEqualTo(200);
                break;
            default:
                throw new IllegalArgumentException("no way to move an order to " + status);
        }
        return orderId;
    }

    private static String newEventId() {
        return "evt-" + UUID.randomUUID();
    }
}
