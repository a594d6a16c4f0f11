package dev.orderservice.http.contract;

import static dev.orderservice.http.contract.TestRequest.get;
import static dev.orderservice.http.contract.TestRequest.post;
import static dev.orderservice.http.contract.TestRequest.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderservice.http.contract.ApiClient.ApiResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP contract of the order service, run against one deployment of it through {@link #client()}.
 *
 * <p>The deployment must serve the demo catalog with the demo pricing policy: 8.25 % tax rounded half-up, and
 * shipping 5.00 USD below a subtotal of 75.00 USD, free from it on. Its store may be fresh or shared with other
 * tests, because every test places orders for customer ids of its own.
 *
 * <p>A subclass implements {@link #client()} and {@link #moveToShipped(String)}, and configures the deployment
 * to allow the CORS origin {@link #allowedOrigin()} (by default {@link #ALLOWED_ORIGIN}) and no other. The
 * deployment is started once per class, typically in a static {@code @BeforeAll}.
 */
public abstract class HttpContractTest {

    /** The CORS origin that a deployment under test allows, unless its subclass overrides {@link #allowedOrigin()}. */
    public static final String ALLOWED_ORIGIN = "https://shop.example.test";

    /** An origin that no deployment under test allows. */
    protected static final String DISALLOWED_ORIGIN = "https://elsewhere.example.test";

    private static final String EXAMPLE_ITEMS =
            "[{\"sku\":\"SKU-TSHIRT-M\",\"quantity\":2},{\"sku\":\"SKU-MUG-01\",\"quantity\":1}]";
    private static final Set<String> ORDER_FIELDS = Set.of("orderId", "customerId", "status", "currency", "items",
            "subtotal", "tax", "shipping", "total", "createdAt", "updatedAt", "version");
    private static final Set<String> LINE_FIELDS = Set.of("sku", "name", "quantity", "unitPrice", "lineTotal");
    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";
    private static final String ORDER_ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final int MAX_BODY_BYTES = 64 * 1024;

    /** Returns the client of the deployment under test. */
    protected abstract ApiClient client();

    /**
     * Moves a {@code PLACED} order to {@code SHIPPED} by the deployment's own means, such as {@code POST /events}
     * on the local server or the event intake behind a Lambda handler. The public HTTP API has no operation for it.
     */
    protected abstract void moveToShipped(String orderId);

    /** Returns the one origin that the deployment's CORS configuration allows. */
    protected String allowedOrigin() {
        return ALLOWED_ORIGIN;
    }

    // GET /products

    @Test
    void products_list_the_demo_catalog() {
        ApiResponse response = send(get("/products"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(mediaType(response)).isEqualTo("application/json");
        List<String> products = JsonBody.of(response).list("items").stream()
                .map(product -> product.string("sku") + " | " + product.string("name") + " | "
                        + product.string("unitPrice") + " | " + product.string("currency") + " | "
                        + product.bool("available"))
                .toList();
        assertThat(products).containsExactlyInAnyOrder(
                "SKU-TSHIRT-M | Cotton T-Shirt (M) | 19.99 | USD | true",
                "SKU-MUG-01 | Ceramic Mug | 12.50 | USD | true",
                "SKU-POSTER-A2 | Poster A2 | 7.25 | USD | true",
                "SKU-HEADPHONES | Wireless Headphones | 149.00 | USD | true",
                "SKU-UMBRELLA | Travel Umbrella | 24.00 | USD | false");
    }

    @Test
    void products_have_exactly_the_documented_fields() {
        JsonBody body = JsonBody.of(send(get("/products")));

        assertThat(body.fieldNames("")).containsExactly("items");
        for (JsonBody product : body.list("items")) {
            assertThat(product.fieldNames("")).containsExactlyInAnyOrder("sku", "name", "unitPrice", "currency",
                    "available");
        }
    }

    // POST /orders

    @Test
    void example_order_is_priced_as_documented() {
        String customerId = newCustomerId();
        Instant before = Instant.now().minusSeconds(2);

        ApiResponse response = send(post("/orders").json(exampleOrderJson(customerId)));

        assertThat(response.status()).isEqualTo(201);
        assertThat(mediaType(response)).isEqualTo("application/json");
        JsonBody order = JsonBody.of(response);
        assertThat(order.fieldNames("")).containsExactlyInAnyOrderElementsOf(ORDER_FIELDS);
        assertThat(order.string("orderId")).matches(ORDER_ID);
        assertThat(order.string("customerId")).isEqualTo(customerId);
        assertThat(order.string("status")).isEqualTo("PLACED");
        assertThat(order.string("currency")).isEqualTo("USD");
        assertThat(order.list("items")).hasSize(2);
        assertThat(order.fieldNames("items[0]")).containsExactlyInAnyOrderElementsOf(LINE_FIELDS);
        assertThat(order.string("items[0].sku")).isEqualTo("SKU-TSHIRT-M");
        assertThat(order.string("items[0].name")).isEqualTo("Cotton T-Shirt (M)");
        assertThat(order.integer("items[0].quantity")).isEqualTo(2);
        assertThat(order.string("items[0].unitPrice")).isEqualTo("19.99");
        assertThat(order.string("items[0].lineTotal")).isEqualTo("39.98");
        assertThat(order.fieldNames("items[1]")).containsExactlyInAnyOrderElementsOf(LINE_FIELDS);
        assertThat(order.string("items[1].sku")).isEqualTo("SKU-MUG-01");
        assertThat(order.string("items[1].name")).isEqualTo("Ceramic Mug");
        assertThat(order.integer("items[1].quantity")).isEqualTo(1);
        assertThat(order.string("items[1].unitPrice")).isEqualTo("12.50");
        assertThat(order.string("items[1].lineTotal")).isEqualTo("12.50");
        assertThat(order.string("subtotal")).isEqualTo("52.48");
        assertThat(order.string("tax")).isEqualTo("4.33");
        assertThat(order.string("shipping")).isEqualTo("5.00");
        assertThat(order.string("total")).isEqualTo("61.81");
        assertThat(order.string("createdAt")).matches(TIMESTAMP);
        assertThat(Instant.parse(order.string("createdAt"))).isBetween(before, Instant.now().plusSeconds(2));
        assertThat(order.string("updatedAt")).isEqualTo(order.string("createdAt"));
        assertThat(order.integer("version")).isEqualTo(1);
    }

    @Test
    void placing_returns_location_of_order() {
        ApiResponse response = send(post("/orders").json(exampleOrderJson(newCustomerId())));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Location")).hasValue("/orders/" + JsonBody.of(response).string("orderId"));
        assertThat(response.header("Idempotent-Replayed")).isEmpty();
    }

    @Test
    void placing_with_the_catalog_currency_is_accepted() {
        String json = "{\"customerId\":\"" + newCustomerId() + "\",\"currency\":\"USD\",\"items\":" + EXAMPLE_ITEMS
                + "}";

        ApiResponse response = send(post("/orders").json(json));

        assertThat(response.status()).isEqualTo(201);
        assertThat(JsonBody.of(response).string("total")).isEqualTo("61.81");
    }

    @Test
    void shipping_is_free_from_75_00() {
        JsonBody order = placeOrder(orderJson(newCustomerId(), "SKU-MUG-01", 6));

        assertThat(order.string("subtotal")).isEqualTo("75.00");
        assertThat(order.string("tax")).isEqualTo("6.19");
        assertThat(order.string("shipping")).isEqualTo("0.00");
        assertThat(order.string("total")).isEqualTo("81.19");
    }

    @Test
    void shipping_is_free_far_above_75_00() {
        JsonBody order = placeOrder(orderJson(newCustomerId(), "SKU-HEADPHONES", 1));

        assertThat(order.string("subtotal")).isEqualTo("149.00");
        assertThat(order.string("tax")).isEqualTo("12.29");
        assertThat(order.string("shipping")).isEqualTo("0.00");
        assertThat(order.string("total")).isEqualTo("161.29");
    }

    @Test
    void shipping_is_charged_below_75_00() {
        JsonBody order = placeOrder(orderJson(newCustomerId(), "SKU-POSTER-A2", 10));

        assertThat(order.string("subtotal")).isEqualTo("72.50");
        assertThat(order.string("tax")).isEqualTo("5.98");
        assertThat(order.string("shipping")).isEqualTo("5.00");
        assertThat(order.string("total")).isEqualTo("83.48");
    }

    @Test
    void tax_rounds_an_exact_half_cent_up() {
        // 50.00 * 0.0825 is 4.125, which half-up rounds to 4.13 and half-even would round to 4.12.
        JsonBody order = placeOrder(orderJson(newCustomerId(), "SKU-MUG-01", 4));

        assertThat(order.string("subtotal")).isEqualTo("50.00");
        assertThat(order.string("tax")).isEqualTo("4.13");
        assertThat(order.string("total")).isEqualTo("59.13");
    }

    @Test
    void lines_of_one_sku_are_merged() {
        JsonBody order = placeOrder(orderJson(newCustomerId(), "SKU-MUG-01", 1, "SKU-POSTER-A2", 1, "SKU-MUG-01", 2));

        assertThat(order.strings("items", "sku")).containsExactly("SKU-MUG-01", "SKU-POSTER-A2");
        assertThat(order.integer("items[0].quantity")).isEqualTo(3);
        assertThat(order.string("items[0].lineTotal")).isEqualTo("37.50");
        assertThat(order.string("subtotal")).isEqualTo("44.75");
    }

    @Test
    void merged_quantity_over_1000_is_rejected() {
        ApiResponse response = send(post("/orders")
                .json(orderJson(newCustomerId(), "SKU-MUG-01", 600, "SKU-MUG-01", 600)));

        JsonBody problem = assertProblem(response, 400);
        assertThat(problem.strings("errors", "field")).contains("items");
    }

    @Test
    void request_lines_at_their_limits_are_accepted() {
        String customerId = "Az09._:@-" + UUID.randomUUID().toString().replace("-", "") + "x".repeat(23);
        List<Object> lines = new ArrayList<>();
        for (int i = 0; i < 49; i++) {
            lines.add("SKU-POSTER-A2");
            lines.add(1);
        }
        lines.add("SKU-MUG-01");
        lines.add(1000);

        JsonBody order = placeOrder(orderJson(customerId, lines.toArray()));

        assertThat(customerId).hasSize(64);
        assertThat(order.string("customerId")).isEqualTo(customerId);
        assertThat(order.integer("items[0].quantity")).isEqualTo(49);
        assertThat(order.integer("items[1].quantity")).isEqualTo(1000);
        assertThat(order.string("items[1].lineTotal")).isEqualTo("12500.00");
    }

    @Test
    void placing_without_key_places_new_orders() {
        String json = exampleOrderJson(newCustomerId());

        ApiResponse first = send(post("/orders").json(json));
        ApiResponse second = send(post("/orders").json(json));

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(JsonBody.of(second).string("orderId")).isNotEqualTo(JsonBody.of(first).string("orderId"));
        assertThat(second.header("Idempotent-Replayed")).isEmpty();
    }

    // GET /orders/{orderId}

    @Test
    void getting_an_order_returns_it_as_placed() {
        ApiResponse placed = send(post("/orders").json(exampleOrderJson(newCustomerId())));
        String orderId = JsonBody.of(placed).string("orderId");

        ApiResponse response = send(get("/orders/" + orderId));

        assertThat(response.status()).isEqualTo(200);
        assertThat(mediaType(response)).isEqualTo("application/json");
        assertThat(JsonBody.of(response).value("")).isEqualTo(JsonBody.of(placed).value(""));
    }

    @Test
    void getting_an_unknown_order_is_not_found() {
        ApiResponse response = send(get("/orders/" + UUID.randomUUID()));

        assertProblem(response, 404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-order-id", "3F2504E0-4F89-41D3-9A0C-0305E82C3301", "12345",
        "3f2504e0-4f89-41d3-9a0c-0305e82c33011", "%20", "3f2504e0-4f89-41d3-9a0c-0305e82c330%31"})
    void getting_a_malformed_order_id_is_not_found(String orderId) {
        ApiResponse response = send(get("/orders/" + orderId));

        assertProblem(response, 404);
    }

    // GET /orders

    @Test
    void listing_shows_the_newest_order_first() throws InterruptedException {
        String customerId = newCustomerId();
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            placed.add(placeOrder(exampleOrderJson(customerId)).string("orderId"));
            // Orders created within one millisecond may be listed in either order.
            Thread.sleep(5);
        }

        ApiResponse response = send(get("/orders?customerId=" + customerId));

        assertThat(response.status()).isEqualTo(200);
        assertThat(mediaType(response)).isEqualTo("application/json");
        JsonBody page = JsonBody.of(response);
        assertThat(page.fieldNames("")).containsExactlyInAnyOrder("items", "nextCursor");
        assertThat(page.strings("items", "orderId")).containsExactly(placed.get(2), placed.get(1), placed.get(0));
        assertThat(page.isNull("nextCursor")).isTrue();
    }

    @Test
    void listed_orders_are_whole_orders() {
        String customerId = newCustomerId();
        JsonBody placed = placeOrder(exampleOrderJson(customerId));

        JsonBody page = JsonBody.of(send(get("/orders?customerId=" + customerId)));

        assertThat(page.list("items")).hasSize(1);
        assertThat(page.list("items").get(0).value("")).isEqualTo(placed.value(""));
    }

    @Test
    void paging_sees_every_order_once() {
        String customerId = newCustomerId();
        Set<String> placed = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            placed.add(placeOrder(exampleOrderJson(customerId)).string("orderId"));
        }

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        List<Instant> createdAt = new ArrayList<>();
        String cursor = null;
        do {
            String target = "/orders?customerId=" + customerId + "&limit=2"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            ApiResponse response = send(get(target));
            assertThat(response.status()).as("status of %s", target).isEqualTo(200);
            JsonBody page = JsonBody.of(response);
            pageSizes.add(page.list("items").size());
            seen.addAll(page.strings("items", "orderId"));
            page.strings("items", "createdAt").forEach(text -> createdAt.add(Instant.parse(text)));
            cursor = page.isNull("nextCursor") ? null : page.string("nextCursor");
        } while (cursor != null && pageSizes.size() < 10);

        assertThat(pageSizes).containsExactly(2, 2, 1);
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen).containsExactlyInAnyOrderElementsOf(placed);
        assertThat(createdAt).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void orders_placed_while_paging_are_not_repeated() {
        String customerId = newCustomerId();
        Set<String> placedBefore = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            placedBefore.add(placeOrder(exampleOrderJson(customerId)).string("orderId"));
        }
        JsonBody firstPage = JsonBody.of(send(get("/orders?customerId=" + customerId + "&limit=2")));
        // Creation times have millisecond precision, and an order of the same millisecond sorts by id, so it
        // could land on either side of the cursor: the new orders must be placed in a later millisecond.
        sleepPastTheMillisecond();
        placeOrder(exampleOrderJson(customerId));
        placeOrder(exampleOrderJson(customerId));

        JsonBody secondPage = JsonBody.of(send(get("/orders?customerId=" + customerId + "&limit=2&cursor="
                + URLEncoder.encode(firstPage.string("nextCursor"), StandardCharsets.UTF_8))));

        List<String> seen = new ArrayList<>(firstPage.strings("items", "orderId"));
        seen.addAll(secondPage.strings("items", "orderId"));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(placedBefore);
        assertThat(secondPage.isNull("nextCursor")).isTrue();
    }

    @Test
    void lower_case_method_is_not_allowed() {
        ApiResponse response = send(request("post", "/orders").json(exampleOrderJson(newCustomerId())));

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("Allow")).hasValue("GET, HEAD, POST, OPTIONS");
    }

    @Test
    void any_repeated_query_parameter_is_rejected() {
        ApiResponse response = send(get("/orders?customerId=" + newCustomerId() + "&foo=1&foo=2"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyText()).contains("\"field\":\"foo\"");
    }

    @Test
    void stale_if_match_on_a_cancelled_order_is_rejected() {
        String orderId = placeOrder(exampleOrderJson(newCustomerId())).string("orderId");
        send(post("/orders/" + orderId + "/cancel").header("If-Match", "\"1\"").json("{\"reason\":\"first\"}"));

        ApiResponse second = send(post("/orders/" + orderId + "/cancel").header("If-Match", "\"1\"")
                .json("{\"reason\":\"second\"}"));

        assertThat(second.status()).isEqualTo(412);
        assertThat(JsonBody.of(send(get("/orders/" + orderId))).string("cancellationReason")).isEqualTo("first");
    }

    @Test
    void reason_length_counts_characters_not_utf16_units() {
        String orderId = placeOrder(exampleOrderJson(newCustomerId())).string("orderId");
        String emoji = "\uD83D\uDE00".repeat(251);

        ApiResponse response = send(post("/orders/" + orderId + "/cancel").json("{\"reason\":\"" + emoji + "\"}"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(JsonBody.of(response).string("cancellationReason")).isEqualTo(emoji);
    }

    @Test
    void many_unknown_fields_give_a_short_error_list() {
        StringBuilder body = new StringBuilder("{\"customerId\":\"" + newCustomerId() + "\"");
        for (int i = 0; i < 500; i++) {
            body.append(",\"unknown").append(i).append("\":1");
        }
        body.append(",\"items\":[{\"sku\":\"SKU-MUG-01\",\"quantity\":1}]}");

        ApiResponse response = send(post("/orders").json(body.toString()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(JsonBody.of(response).list("errors")).hasSizeLessThanOrEqualTo(21);
        assertThat(response.bodyText()).contains("480 more unknown fields");
    }

    @Test
    void malformed_json_detail_does_not_quote_the_body() {
        ApiResponse response = send(post("/orders").json("{\"customerId\":\"c1\",\"cardNumber\":\"4111111111111111\","
                + "\"items\":["));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyText()).doesNotContain("4111111111111111").doesNotContain("Source");
    }

    private static void sleepPastTheMillisecond() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    @Test
    void listing_without_limit_returns_20_orders_per_page() {
        String customerId = newCustomerId();
        for (int i = 0; i < 21; i++) {
            placeOrder(orderJson(customerId, "SKU-POSTER-A2", 1));
        }

        JsonBody page = JsonBody.of(send(get("/orders?customerId=" + customerId)));

        assertThat(page.list("items")).hasSize(20);
        assertThat(page.string("nextCursor")).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "100"})
    void listing_accepts_the_limits_1_and_100(String limit) {
        String customerId = newCustomerId();
        placeOrder(exampleOrderJson(customerId));

        ApiResponse response = send(get("/orders?customerId=" + customerId + "&limit=" + limit));

        assertThat(response.status()).isEqualTo(200);
        assertThat(JsonBody.of(response).list("items")).hasSize(1);
    }

    @Test
    void listing_customer_without_orders_is_empty() {
        ApiResponse response = send(get("/orders?customerId=" + newCustomerId()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(JsonBody.of(response).list("items")).isEmpty();
        assertThat(JsonBody.of(response).isNull("nextCursor")).isTrue();
    }

    @Test
    void listing_decodes_percent_escaped_customer_id() {
        String customerId = "cust@" + UUID.randomUUID();
        String placedId = placeOrder(exampleOrderJson(customerId)).string("orderId");

        ApiResponse response = send(get("/orders?customerId=" + customerId.replace("@", "%40")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(JsonBody.of(response).strings("items", "orderId")).containsExactly(placedId);
    }

    @Test
    void altered_cursor_is_rejected() {
        String customerId = newCustomerId();
        placeOrder(exampleOrderJson(customerId));
        placeOrder(exampleOrderJson(customerId));
        String cursor = firstCursor(customerId);
        List<String> altered = List.of(replaceCharAt(cursor, 0), replaceCharAt(cursor, cursor.length() - 1),
                cursor + "A", cursor.substring(0, cursor.length() - 1));

        for (String alteredCursor : altered) {
            ApiResponse response = send(get("/orders?customerId=" + customerId + "&limit=1&cursor="
                    + URLEncoder.encode(alteredCursor, StandardCharsets.UTF_8)));

            JsonBody problem = assertProblem(response, 400);
            assertThat(problem.strings("errors", "field")).as("cursor %s", alteredCursor).contains("cursor");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "abc.def", ".", "eyJwayI6MX0", "%00", "%FF%FE", "cursor%0Avalue"})
    void made_up_cursor_is_rejected(String cursor) {
        String customerId = newCustomerId();
        placeOrder(exampleOrderJson(customerId));

        ApiResponse response = send(get("/orders?customerId=" + customerId + "&cursor=" + cursor));

        JsonBody problem = assertProblem(response, 400);
        assertThat(problem.strings("errors", "field")).contains("cursor");
    }

    @Test
    void very_long_cursor_is_rejected() {
        String customerId = newCustomerId();

        ApiResponse response = send(get("/orders?customerId=" + customerId + "&cursor=" + "A".repeat(4000)));

        assertProblem(response, 400);
    }

    @Test
    void cursor_of_another_customer_is_rejected() {
        String owner = newCustomerId();
        String other = newCustomerId();
        placeOrder(exampleOrderJson(owner));
        placeOrder(exampleOrderJson(owner));
        placeOrder(exampleOrderJson(other));
        placeOrder(exampleOrderJson(other));
        String cursor = firstCursor(owner);

        ApiResponse response = send(get("/orders?customerId=" + other + "&limit=1&cursor="
                + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));

        JsonBody problem = assertProblem(response, 400);
        assertThat(problem.strings("errors", "field")).contains("cursor");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "abc", "-1", "1.5", "", "1e1", "+5", "%205", "99999999999"})
    void limit_outside_1_to_100_is_rejected(String limit) {
        ApiResponse response = send(get("/orders?customerId=" + newCustomerId() + "&limit=" + limit));

        JsonBody problem = assertProblem(response, 400);
        assertThat(problem.strings("errors", "field")).contains("limit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=1&limit=2", "limit=2&limit=2", "customerId=cust-b", "cursor=a&cursor=b"})
    void repeated_query_parameter_is_rejected(String repeated) {
        ApiResponse response = send(get("/orders?customerId=" + newCustomerId() + "&" + repeated));

        assertProblem(response, 400);
    }

    @Test
    void listing_without_customer_id_is_rejected() {
        ApiResponse response = send(get("/orders?limit=2"));

        JsonBody problem = assertProblem(response, 400);
        assertThat(problem.strings("errors", "field")).contains("customerId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "cust+42", "cust%2042", "kunde-m%C3%BCller", "%FF"})
    void invalid_customer_id_in_listing_is_rejected(String customerId) {
        ApiResponse response = send(get("/orders?customerId=" + customerId));

        JsonBody problem = assertProblem(response, 400);
        assertThat(problem.strings("errors", "field")).contains("customerId");
    }

    @Test
    void customer_id_of_65_characters_is_rejected() {
        ApiResponse response = send(get("/orders?customerId=" + "c".repeat(65)));

        JsonBody problem = assertProblem(response, 400);
        assertThat(problem.strings("errors", "field")).contains("customerId");
    }

    // POST /orders/{orderId}/cancel

    @Test
    void cancelling_a_placed_order_returns_it_cancelled() {
        JsonBody placed = placeOrder(exampleOrderJson(newCustomerId()));
        String orderId = placed.string("orderId");

        ApiResponse response = send(post("/orders/" + orderId + "/cancel"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(mediaType(response)).isEqualTo("application/json");
        JsonBody cancelled = JsonBody.of(response);
        assertThat(cancelled.string("orderId")).isEqualTo(orderId);
        assertThat(cancelled.string("status")).isEqualTo("CANCELLED");
        assertThat(cancelled.integer("version")).isEqualTo(2);
        assertThat(cancelled.string("createdAt")).isEqualTo(placed.string("createdAt"));
        assertThat(cancelled.string("updatedAt")).matches(TIMESTAMP);
        assertThat(Instant.parse(cancelled.string("updatedAt"))).isAfterOrEqualTo(placed.string("createdAt"));
        assertThat(cancelled.value("items")).isEqualTo(placed.value("items"));
        assertThat(cancelled.string("total")).isEqualTo(placed.string("total"));
        assertThat(JsonBody.of(send(get("/orders/" + orderId))).value("")).isEqualTo(cancelled.value(""));
    }

    @Test
    void cancelling_a_cancelled_order_changes_nothing() {
        String orderId = placeOrder(exampleOrderJson(newCustomerId())).string("orderId");
        ApiResponse first = send(post("/orders/" + orderId + "/cancel").json("{\"reason\":\"changed my mind\"}"));

        ApiResponse second = send(post("/orders/" + orderId + "/cancel").json("{\"reason\":\"another reason\"}"));

        assertThat(second.status()).isEqualTo(200);
        assertThat(JsonBody.of(second).string("status")).isEqualTo("CANCELLED");
        assertThat(JsonBody.of(second).integer("version")).isEqualTo(2);
        assertThat(JsonBody.of(second).value("")).isEqualTo(JsonBody.of(first).value(""));
    }

    @Test
    void concurrent_cancels_change_the_order_once() throws Exception {
        String orderId = placeOrder(exampleOrderJson(newCustomerId())).string("orderId");

        List<ApiResponse> responses = sendConcurrently(16, () -> send(post("/orders/" + orderId + "/cancel")));

        assertThat(responses).extracting(ApiResponse::status).containsOnly(200);
        assertThat(responses).extracting(response -> JsonBody.of(response).integer("version")).containsOnly(2L);
        assertThat(JsonBody.of(send(get("/orders/" + orderId))).integer("version")).isEqualTo(2);
    }

    @Test
    void cancel_with_stale_if_match_is_412() {
        String orderId = placeOrder(exampleOrderJson(newCustomerId())).string("orderId");

        ApiResponse response = send(post("/orders/" + orderId + "/cancel").header("If-Match", "\"2\""));

        assertProblem(response, 412);
        JsonBody stored = JsonBody.of(send(get("/orders/" + orderId)));
        assertThat(stored.string("status")).isEqualTo("PLACED");
        assertThat(stored.integer("version")).isEqualTo(1);
    }

    @Test
    void cancel_with_the_current_if_match_succeeds() {
        String orderId = placeOrder(exampleOrderJson(newCustomerId())).string("orderId");

        ApiResponse response = send(post("/orders/" + orderId + "/cancel").header("If-Match", "\"1\""));

        assertThat(response.status()).isEqualTo(200);
        assertThat(JsonBody.of(response).string("status")).isEqualTo("CANCELLED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "abc", "\"one\"", "\"-1\""})
    void cancel_with_a_malformed_if_match_is_rejected(String ifMatch) {
        String orderId = placeOrder(exampleOrderJson(newCustomerId())).string("orderId");

        ApiResponse response = send(post("/orders/" + orderId + "/cancel").header("If-Match", ifMatch));

        JsonBody problem = assertProblem(response, 400);
        assertThat(problem.strings("errors", "field")).contains("If-Match");
        assertThat(JsonBody.of(send(get("/orders/" + orderId))).string("status")).isEqualTo("PLACED");
    }

    @Test
    void cancel_reason_over_500_characters_is_rejected() {
        String orderId = placeOrder(exampleOrderJson(newCustomerId())).string("orderId");

        ApiResponse response = send(post("/orders/" + orderId + "/cancel")
                .json("{\"reason\":\"" + "r".repeat(501) + "\"}"));

        JsonBody problem = assertProblem(response, 400);
        assertThat(problem.strings("errors", "field")).contains("reason");
        assertThat(JsonBody.of(send(get("/orders/" + orderId))).string("status")).isEqualTo("PLACED");
    }

    @Test
    void cancel_reason_of_500_characters_is_kept() {
        String orderId = placeOrder(exampleOrderJson(newCustomerId())).string("orderId");
        String reason = "é".repeat(250) + "r".repeat(250);

        ApiResponse response = send(post("/orders/" + orderId + "/cancel").json("{\"reason\":\"" + reason + "\"}"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(JsonBody.of(response).string("cancellationReason")).isEqualTo(reason);
    }

    @Test
    void utf8_cancel_reason_is_read_back_exactly() {
        String orderId = placeOrder(exampleOrderJson(newCustomerId())).string("orderId");
        String reason = "Größe falsch — 返品 \uD83D\uDCE6";

        ApiResponse response = send(post("/orders/" + orderId + "/cancel").json("{\"reason\":\"" + reason + "\"}"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(JsonBody.of(response).string("cancellationReason")).isEqualTo(reason);
        assertThat(JsonBody.of(send(get("/orders/" + orderId))).string("cancellationReason")).isEqualTo(reason);
    }

    @Test
    void cancel_body_is_always_read_as_utf8() {
        String orderId = placeOrder(exampleOrderJson(newCustomerId())).string("orderId");
        String reason = "Größe falsch — 返品";

        ApiResponse response = send(post("/orders/" + orderId + "/cancel")
                .header("Content-Type", "application/json; charset=ISO-8859-1")
                .body(("{\"reason\":\"" + reason + "\"}").getBytes(StandardCharsets.UTF_8)));

        assertThat(response.status()).isEqualTo(200);
        assertThat(JsonBody.of(response).string("cancellationReason")).isEqualTo(reason);
    }

    @Test
    void cancel_reason_escapes_are_decoded() {
        String orderId = placeOrder(exampleOrderJson(newCustomerId())).string("orderId");

        ApiResponse response = send(post("/orders/" + orderId + "/cancel")
                .json("{\"reason\":\"Gr\\u00f6\\u00dfe \\\"M\\\"\\n\\ud83d\\udce6\"}"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(JsonBody.of(response).string("cancellationReason")).isEqualTo("Größe \"M\"\n\uD83D\uDCE6");
    }

    @Test
    void cancelling_a_shipped_order_is_a_conflict() {
        String orderId = placeOrder(exampleOrderJson(newCustomerId())).string("orderId");
        moveToShipped(orderId);

        ApiResponse response = send(post("/orders/" + orderId + "/cancel"));

        assertProblem(response, 409);
        assertThat(JsonBody.of(send(get("/orders/" + orderId))).string("status")).isEqualTo("SHIPPED");
    }

    @Test
    void cancelling_an_unknown_order_is_not_found() {
        ApiResponse response = send(post("/orders/" + UUID.randomUUID() + "/cancel"));

        assertProblem(response, 404);
    }

    @Test
    void cancel_body_with_an_unknown_field_is_rejected() {
        String orderId = placeOrder(exampleOrderJson(newCustomerId())).string("orderId");

        ApiResponse response = send(post("/orders/" + orderId + "/cancel").json("{\"reason\":\"x\",\"refund\":true}"));

        JsonBody problem = assertProblem(response, 400);
        assertThat(problem.strings("errors", "field")).contains("refund");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"reason\":3}", "[]", "\"reason\"", "{\"reason\":\"x\",\"reason\":\"y\"}", "{"})
    void cancel_body_of_wrong_shape_is_rejected(String body) {
        String orderId = placeOrder(exampleOrderJson(newCustomerId())).string("orderId");

        ApiResponse response = send(post("/orders/" + orderId + "/cancel").json(body));

        assertProblem(response, 400);
        assertThat(JsonBody.of(send(get("/orders/" + orderId))).string("status")).isEqualTo("PLACED");
    }

    @Test
    void cancel_body_that_is_not_json_is_unsupported() {
        String orderId = placeOrder(exampleOrderJson(newCustomerId())).string("orderId");

        ApiResponse response = send(post("/orders/" + orderId + "/cancel")
                .header("Content-Type", "text/plain")
                .body("changed my mind".getBytes(StandardCharsets.UTF_8)));

        assertProblem(response, 415);
        assertThat(JsonBody.of(send(get("/orders/" + orderId))).string("status")).isEqualTo("PLACED");
    }

    // Strict reading of POST /orders

    static Stream<Arguments> invalidOrderBodies() {
        String items = "[{\"sku\":\"SKU-MUG-01\",\"quantity\":1}]";
        return Stream.of(
                Arguments.of("quantity as a string", "{\"customerId\":\"c-1\",\"items\":[{\"sku\":\"SKU-MUG-01\","
                        + "\"quantity\":\"3\"}]}", "items[0].quantity"),
                Arguments.of("customerId as a number", "{\"customerId\":3,\"items\":" + items + "}", "customerId"),
                Arguments.of("sku as a number", "{\"customerId\":\"c-1\",\"items\":[{\"sku\":3,\"quantity\":1}]}",
                        "items[0].sku"),
                Arguments.of("currency as a number", "{\"customerId\":\"c-1\",\"currency\":840,\"items\":" + items
                        + "}", "currency"),
                Arguments.of("quantity as a fraction", quantityBody("2.7"), "items[0].quantity"),
                Arguments.of("quantity as 2.0", quantityBody("2.0"), "items[0].quantity"),
                Arguments.of("quantity with an exponent", quantityBody("1e2"), "items[0].quantity"),
                Arguments.of("quantity beyond a long", quantityBody("123456789012345678901234567890"),
                        "items[0].quantity"),
                Arguments.of("quantity as a boolean", quantityBody("true"), "items[0].quantity"),
                Arguments.of("quantity 0", quantityBody("0"), "items[0].quantity"),
                Arguments.of("quantity 1001", quantityBody("1001"), "items[0].quantity"),
                Arguments.of("quantity -1", quantityBody("-1"), "items[0].quantity"),
                Arguments.of("unknown top-level field", "{\"customerId\":\"c-1\",\"coupon\":\"FREE\",\"items\":"
                        + items + "}", "coupon"),
                Arguments.of("unknown field in a line", "{\"customerId\":\"c-1\",\"items\":[{\"sku\":\"SKU-MUG-01\","
                        + "\"quantity\":1,\"gift\":true}]}", "items[0].gift"),
                Arguments.of("a price sent by the client", "{\"customerId\":\"c-1\",\"items\":[{\"sku\":\"SKU-MUG-01\","
                        + "\"quantity\":1,\"unitPrice\":\"0.01\"}]}", "items[0].unitPrice"),
                Arguments.of("customerId null", "{\"customerId\":null,\"items\":" + items + "}", "customerId"),
                Arguments.of("items null", "{\"customerId\":\"c-1\",\"items\":null}", "items"),
                Arguments.of("a line null", "{\"customerId\":\"c-1\",\"items\":[null]}", "items[0]"),
                Arguments.of("sku null", "{\"customerId\":\"c-1\",\"items\":[{\"sku\":null,\"quantity\":1}]}",
                        "items[0].sku"),
                Arguments.of("quantity null", quantityBody("null"), "items[0].quantity"),
                Arguments.of("customerId missing", "{\"items\":" + items + "}", "customerId"),
                Arguments.of("items missing", "{\"customerId\":\"c-1\"}", "items"),
                Arguments.of("items an object", "{\"customerId\":\"c-1\",\"items\":{\"sku\":\"SKU-MUG-01\"}}", "items"),
                Arguments.of("items empty", "{\"customerId\":\"c-1\",\"items\":[]}", "items"),
                Arguments.of("51 lines", "{\"customerId\":\"c-1\",\"items\":["
                        + String.join(",", Collections.nCopies(51, "{\"sku\":\"SKU-MUG-01\",\"quantity\":1}"))
                        + "]}", "items"),
                Arguments.of("a line that is a string", "{\"customerId\":\"c-1\",\"items\":[\"SKU-MUG-01\"]}",
                        "items[0]"),
                Arguments.of("customerId empty", "{\"customerId\":\"\",\"items\":" + items + "}", "customerId"),
                Arguments.of("customerId of 65 characters", "{\"customerId\":\"" + "c".repeat(65) + "\",\"items\":"
                        + items + "}", "customerId"),
                Arguments.of("customerId with a space", "{\"customerId\":\"cust 42\",\"items\":" + items + "}",
                        "customerId"),
                Arguments.of("customerId beyond ASCII", "{\"customerId\":\"kunde-müller\",\"items\":" + items + "}",
                        "customerId"),
                Arguments.of("sku with a space", "{\"customerId\":\"c-1\",\"items\":[{\"sku\":\"SKU MUG\","
                        + "\"quantity\":1}]}", "items[0].sku"),
                Arguments.of("currency in lower case", "{\"customerId\":\"c-1\",\"currency\":\"usd\",\"items\":"
                        + items + "}", "currency"),
                Arguments.of("currency not ISO 4217", "{\"customerId\":\"c-1\",\"currency\":\"ABC\",\"items\":"
                        + items + "}", "currency"),
                Arguments.of("second line invalid", "{\"customerId\":\"c-1\",\"items\":[{\"sku\":\"SKU-MUG-01\","
                        + "\"quantity\":1},{\"sku\":\"SKU-MUG-01\",\"quantity\":\"1\"}]}", "items[1].quantity"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidOrderBodies")
    void invalid_order_body_names_the_field(String description, String body, String field) {
        ApiResponse response = send(post("/orders").json(body));

        JsonBody problem = assertProblem(response, 400);
        assertThat(problem.strings("errors", "field")).contains(field);
    }

    static Stream<Arguments> malformedOrderBodies() {
        String valid = "{\"customerId\":\"c-1\",\"items\":[{\"sku\":\"SKU-MUG-01\",\"quantity\":1}]}";
        return Stream.of(
                Arguments.of("truncated JSON", "{\"customerId\": "),
                Arguments.of("duplicate top-level key", "{\"customerId\":\"c-1\",\"customerId\":\"c-2\","
                        + "\"items\":[{\"sku\":\"SKU-MUG-01\",\"quantity\":1}]}"),
                Arguments.of("duplicate key in a line", "{\"customerId\":\"c-1\",\"items\":[{\"sku\":\"SKU-MUG-01\","
                        + "\"quantity\":1,\"quantity\":2}]}"),
                Arguments.of("a body that is an array", "[" + valid + "]"),
                Arguments.of("a body that is a string", "\"" + valid.replace("\"", "\\\"") + "\""),
                Arguments.of("a body that is null", "null"),
                Arguments.of("an empty body", ""),
                Arguments.of("only white space", "  \n "),
                Arguments.of("trailing content", valid + " {}"),
                Arguments.of("trailing comma", valid.substring(0, valid.length() - 1) + ",}"),
                Arguments.of("single quotes", valid.replace('"', '\'')),
                Arguments.of("a comment", "/* order */" + valid),
                Arguments.of("NaN quantity", quantityBody("NaN")),
                Arguments.of("leading zero quantity", quantityBody("01")),
                Arguments.of("exponent beyond any number", quantityBody("1e9999999999")),
                Arguments.of("65-digit quantity", quantityBody("1".repeat(65))),
                Arguments.of("nesting 1000 levels deep", "{\"customerId\":" + "[".repeat(1000) + "]".repeat(1000)
                        + "}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedOrderBodies")
    void malformed_order_body_is_rejected(String description, String body) {
        ApiResponse response = send(post("/orders").json(body));

        assertProblem(response, 400);
    }

    @Test
    void body_that_is_not_utf8_is_rejected() {
        String orderId = placeOrder(exampleOrderJson(newCustomerId())).string("orderId");
        byte[] latin1 = "{\"reason\":\"Größe\"}".getBytes(StandardCharsets.ISO_8859_1);

        ApiResponse response = send(post("/orders/" + orderId + "/cancel")
                .header("Content-Type", "application/json; charset=ISO-8859-1")
                .body(latin1));

        assertProblem(response, 400);
        assertThat(JsonBody.of(send(get("/orders/" + orderId))).string("status")).isEqualTo("PLACED");
    }

    @Test
    void body_with_a_byte_order_mark_is_read() {
        byte[] json = exampleOrderJson(newCustomerId()).getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);

        ApiResponse response = send(post("/orders").header("Content-Type", "application/json").body(withBom));

        assertThat(response.status()).isEqualTo(201);
    }

    @Test
    void every_invalid_field_is_named_at_once() {
        String body = "{\"customerId\":3,\"currency\":\"usd\",\"items\":[{\"sku\":\"SKU-MUG-01\",\"quantity\":\"1\"},"
                + "{\"sku\":7,\"quantity\":1}],\"extra\":1}";

        ApiResponse response = send(post("/orders").json(body));

        JsonBody problem = assertProblem(response, 400);
        assertThat(problem.strings("errors", "field")).contains("customerId", "items[0].quantity", "items[1].sku",
                "extra");
        assertThat(problem.strings("errors", "message")).allSatisfy(message -> assertThat(message).isNotBlank());
    }

    // Content types and body size

    @Test
    void placing_without_content_type_is_unsupported() {
        ApiResponse response = send(post("/orders")
                .body(exampleOrderJson(newCustomerId()).getBytes(StandardCharsets.UTF_8)));

        assertProblem(response, 415);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/problem+json",
        "application/jsonx", "json"})
    void placing_with_another_content_type_is_unsupported(String contentType) {
        String customerId = newCustomerId();

        ApiResponse response = send(post("/orders").header("Content-Type", contentType)
                .body(exampleOrderJson(customerId).getBytes(StandardCharsets.UTF_8)));

        assertProblem(response, 415);
        assertThat(JsonBody.of(send(get("/orders?customerId=" + customerId))).list("items")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json; charset=utf-8", "application/json;charset=UTF-8",
        "Application/JSON", "application/json ; charset=utf-8"})
    void placing_with_json_content_type_and_parameters_is_accepted(String contentType) {
        ApiResponse response = send(post("/orders").header("Content-Type", contentType)
                .body(exampleOrderJson(newCustomerId()).getBytes(StandardCharsets.UTF_8)));

        assertThat(response.status()).isEqualTo(201);
    }

    @Test
    void body_over_64_kib_is_too_large() {
        String customerId = newCustomerId();
        byte[] body = padded(exampleOrderJson(customerId), MAX_BODY_BYTES + 1);

        ApiResponse response = send(post("/orders").header("Content-Type", "application/json").body(body));

        assertProblem(response, 413);
        assertThat(JsonBody.of(send(get("/orders?customerId=" + customerId))).list("items")).isEmpty();
    }

    @Test
    void body_far_over_64_kib_is_too_large() {
        byte[] body = padded(exampleOrderJson(newCustomerId()), 4 * MAX_BODY_BYTES);

        ApiResponse response = send(post("/orders").header("Content-Type", "application/json").body(body));

        assertProblem(response, 413);
    }

    @Test
    void every_oversized_body_gets_413() {
        List<String> outcomes = new ArrayList<>();
        for (int size : new int[] {MAX_BODY_BYTES + 1, 4 * MAX_BODY_BYTES}) {
            byte[] body = padded(exampleOrderJson(newCustomerId()), size);
            for (int i = 0; i < 50; i++) {
                outcomes.add(size + " bytes: " + statusOrFailure(post("/orders")
                        .header("Content-Type", "application/json").body(body)));
            }
        }

        assertThat(outcomes).allMatch(outcome -> outcome.endsWith(": 413"));
    }

    @Test
    void body_of_exactly_64_kib_is_accepted() {
        byte[] body = padded(exampleOrderJson(newCustomerId()), MAX_BODY_BYTES);

        ApiResponse response = send(post("/orders").header("Content-Type", "application/json").body(body));

        assertThat(response.status()).isEqualTo(201);
    }

    @Test
    void oversized_non_json_body_is_too_large() {
        byte[] body = new byte[MAX_BODY_BYTES + 1];
        Arrays.fill(body, (byte) 'x');

        ApiResponse response = send(post("/orders").header("Content-Type", "application/json").body(body));

        assertProblem(response, 413);
    }

    // Routing

    @ParameterizedTest
    @ValueSource(strings = {"/", "/nothing-here", "/order", "/orders/" + "3f2504e0-4f89-41d3-9a0c-0305e82c3301"
        + "/ship", "/products/SKU-MUG-01", "/orders//cancel", "/Products", "/orders/a/b/c", "//orders"})
    void unknown_route_is_not_found(String path) {
        ApiResponse response = send(get(path));

        assertProblem(response, 404);
    }

    static Stream<Arguments> wrongMethods() {
        String order = "/orders/3f2504e0-4f89-41d3-9a0c-0305e82c3301";
        return Stream.of(
                Arguments.of("DELETE", "/orders", List.of("GET", "POST")),
                Arguments.of("PUT", "/orders", List.of("GET", "POST")),
                Arguments.of("PUT", order, List.of("GET")),
                Arguments.of("DELETE", order, List.of("GET")),
                Arguments.of("POST", order, List.of("GET")),
                Arguments.of("PATCH", order, List.of("GET")),
                Arguments.of("GET", order + "/cancel", List.of("POST")),
                Arguments.of("DELETE", order + "/cancel", List.of("POST")),
                Arguments.of("POST", "/products", List.of("GET")),
                Arguments.of("DELETE", "/products/", List.of("GET")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("wrongMethods")
    void known_path_with_a_wrong_method_is_not_allowed(String method, String path, List<String> allowed) {
        ApiResponse response = send(request(method, path));

        assertProblem(response, 405);
        assertThat(response.header("Allow")).isPresent();
        Set<String> allow = Arrays.stream(response.header("Allow").get().split(","))
                .map(String::trim)
                .collect(Collectors.toSet());
        assertThat(allow).containsAll(allowed);
        assertThat(allow).doesNotContain(method);
    }

    @Test
    void products_with_a_trailing_slash_are_the_products() {
        ApiResponse withSlash = send(get("/products/"));

        assertThat(withSlash.status()).isEqualTo(200);
        assertThat(withSlash.bodyText()).isEqualTo(send(get("/products")).bodyText());
    }

    @Test
    void orders_with_a_trailing_slash_are_the_orders() {
        String customerId = newCustomerId();

        ApiResponse placed = send(post("/orders/").json(exampleOrderJson(customerId)));
        String orderId = JsonBody.of(placed).string("orderId");
        ApiResponse listed = send(get("/orders/?customerId=" + customerId));
        ApiResponse got = send(get("/orders/" + orderId + "/"));
        ApiResponse cancelled = send(post("/orders/" + orderId + "/cancel/"));

        assertThat(placed.status()).isEqualTo(201);
        assertThat(JsonBody.of(listed).strings("items", "orderId")).containsExactly(orderId);
        assertThat(got.status()).isEqualTo(200);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(JsonBody.of(cancelled).string("status")).isEqualTo("CANCELLED");
    }

    @Test
    void percent_encoded_path_names_the_same_resource() {
        String orderId = placeOrder(exampleOrderJson(newCustomerId())).string("orderId");

        ApiResponse products = send(get("/product%73"));
        ApiResponse order = send(get("/orders/" + orderId.replace("-", "%2D")));

        assertThat(products.status()).isEqualTo(200);
        assertThat(order.status()).isEqualTo(200);
        assertThat(JsonBody.of(order).string("orderId")).isEqualTo(orderId);
    }

    @Test
    void head_of_products_is_get_without_body() {
        ApiResponse getResponse = send(get("/products"));

        ApiResponse head = send(request("HEAD", "/products"));

        assertThat(head.status()).isEqualTo(getResponse.status());
        assertThat(head.header("Content-Type")).isEqualTo(getResponse.header("Content-Type"));
        assertThat(head.body()).isEmpty();
    }

    @Test
    void head_of_order_is_get_without_body() {
        String orderId = placeOrder(exampleOrderJson(newCustomerId())).string("orderId");

        ApiResponse head = send(request("HEAD", "/orders/" + orderId + "/"));

        assertThat(head.status()).isEqualTo(200);
        assertThat(mediaType(head)).isEqualTo("application/json");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void head_of_unknown_order_is_404_without_body() {
        ApiResponse head = send(request("HEAD", "/orders/" + UUID.randomUUID()));

        assertThat(head.status()).isEqualTo(404);
        assertThat(mediaType(head)).isEqualTo("application/problem+json");
        assertThat(head.body()).isEmpty();
    }

    // CORS

    @Test
    void preflight_from_allowed_origin_gets_cors_headers() {
        ApiResponse response = send(request("OPTIONS", "/orders")
                .header("Origin", allowedOrigin())
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,idempotency-key"));

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.header("Access-Control-Allow-Origin")).hasValue(allowedOrigin());
        assertThat(headerList(response, "Access-Control-Allow-Methods")).contains("post", "get");
        assertThat(headerList(response, "Access-Control-Allow-Headers")).contains("content-type", "idempotency-key");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void preflight_of_a_cancel_allows_if_match() {
        ApiResponse response = send(request("OPTIONS", "/orders/" + UUID.randomUUID() + "/cancel")
                .header("Origin", allowedOrigin())
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,if-match"));

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.header("Access-Control-Allow-Origin")).hasValue(allowedOrigin());
        assertThat(headerList(response, "Access-Control-Allow-Methods")).contains("post");
        assertThat(headerList(response, "Access-Control-Allow-Headers")).contains("content-type", "if-match");
    }

    @Test
    void get_from_allowed_origin_gets_allow_origin() {
        ApiResponse response = send(get("/products").header("Origin", allowedOrigin()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).hasValue(allowedOrigin());
        assertThat(headerList(response, "Vary")).contains("origin");
    }

    @Test
    void cors_exposes_location_to_browsers() {
        ApiResponse response = send(post("/orders").header("Origin", allowedOrigin())
                .json(exampleOrderJson(newCustomerId())));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Access-Control-Allow-Origin")).hasValue(allowedOrigin());
        assertThat(headerList(response, "Access-Control-Expose-Headers")).contains("location",
                "idempotent-replayed");
    }

    @Test
    void error_for_allowed_origin_gets_allow_origin() {
        ApiResponse response = send(get("/orders/" + UUID.randomUUID()).header("Origin", allowedOrigin()));

        assertProblem(response, 404);
        assertThat(response.header("Access-Control-Allow-Origin")).hasValue(allowedOrigin());
    }

    @Test
    void disallowed_origin_gets_no_cors_headers() {
        ApiResponse getResponse = send(get("/products").header("Origin", DISALLOWED_ORIGIN));
        ApiResponse preflight = send(request("OPTIONS", "/orders")
                .header("Origin", DISALLOWED_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type"));

        assertThat(getResponse.status()).isEqualTo(200);
        assertThat(corsHeaderNames(getResponse)).isEmpty();
        assertThat(corsHeaderNames(preflight)).isEmpty();
    }

    @Test
    void origin_with_allowed_prefix_gets_no_cors_headers() {
        ApiResponse response = send(get("/products").header("Origin", allowedOrigin() + ".attacker.test"));

        assertThat(corsHeaderNames(response)).isEmpty();
    }

    @Test
    void request_without_origin_gets_no_cors_headers() {
        ApiResponse response = send(get("/products"));

        assertThat(corsHeaderNames(response)).isEmpty();
    }

    // 422: well-formed but not acceptable

    @Test
    void unknown_sku_is_rejected_naming_its_line() {
        ApiResponse response = send(post("/orders")
                .json(orderJson(newCustomerId(), "SKU-MUG-01", 1, "SKU-DOES-NOT-EXIST", 1)));

        JsonBody problem = assertProblem(response, 422);
        assertThat(problem.strings("errors", "field")).containsExactly("items[1].sku");
    }

    @Test
    void unavailable_sku_is_rejected_naming_its_line() {
        String customerId = newCustomerId();

        ApiResponse response = send(post("/orders").json(orderJson(customerId, "SKU-MUG-01", 1, "SKU-UMBRELLA", 1)));

        JsonBody problem = assertProblem(response, 422);
        assertThat(problem.strings("errors", "field")).containsExactly("items[1].sku");
        assertThat(JsonBody.of(send(get("/orders?customerId=" + customerId))).list("items")).isEmpty();
    }

    @Test
    void every_rejected_line_is_named() {
        ApiResponse response = send(post("/orders")
                .json(orderJson(newCustomerId(), "SKU-UMBRELLA", 1, "SKU-MUG-01", 1, "SKU-NOPE", 2)));

        JsonBody problem = assertProblem(response, 422);
        assertThat(problem.strings("errors", "field")).containsExactlyInAnyOrder("items[0].sku", "items[2].sku");
    }

    @Test
    void currency_other_than_the_catalog_one_is_rejected() {
        String json = "{\"customerId\":\"" + newCustomerId() + "\",\"currency\":\"EUR\",\"items\":" + EXAMPLE_ITEMS
                + "}";

        ApiResponse response = send(post("/orders").json(json));

        JsonBody problem = assertProblem(response, 422);
        assertThat(problem.strings("errors", "field")).containsExactly("currency");
    }

    // Idempotency

    @Test
    void placing_twice_with_one_key_replays_first_response() {
        String json = exampleOrderJson(newCustomerId());
        String key = "key-" + UUID.randomUUID();

        ApiResponse first = send(post("/orders").header("Idempotency-Key", key).json(json));
        ApiResponse second = send(post("/orders").header("Idempotency-Key", key).json(json));

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isEmpty();
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("Idempotent-Replayed")).hasValue("true");
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(JsonBody.of(second).string("orderId")).isEqualTo(JsonBody.of(first).string("orderId"));
        assertThat(second.bodyText()).isEqualTo(first.bodyText());
    }

    @Test
    void placing_twice_with_one_key_stores_one_order() {
        String customerId = newCustomerId();
        String json = exampleOrderJson(customerId);
        String key = "key-" + UUID.randomUUID();

        send(post("/orders").header("Idempotency-Key", key).json(json));
        send(post("/orders").header("Idempotency-Key", key).json(json));

        assertThat(JsonBody.of(send(get("/orders?customerId=" + customerId))).list("items")).hasSize(1);
    }

    @Test
    void replay_after_cancel_returns_original_response() {
        String json = exampleOrderJson(newCustomerId());
        String key = "key-" + UUID.randomUUID();
        ApiResponse first = send(post("/orders").header("Idempotency-Key", key).json(json));
        send(post("/orders/" + JsonBody.of(first).string("orderId") + "/cancel"));

        ApiResponse replay = send(post("/orders").header("Idempotency-Key", key).json(json));

        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).hasValue("true");
        assertThat(replay.bodyText()).isEqualTo(first.bodyText());
    }

    @Test
    void replay_ignores_json_layout() {
        String customerId = newCustomerId();
        String key = "key-" + UUID.randomUUID();
        ApiResponse first = send(post("/orders").header("Idempotency-Key", key).json(exampleOrderJson(customerId)));
        String relaidOut = "{\n  \"items\" : [ {\"quantity\": 2, \"sku\": \"SKU-TSHIRT-M\"},\n"
                + "    {\"quantity\": 1, \"sku\": \"SKU-MUG-01\"} ],\n  \"currency\": \"USD\",\n"
                + "  \"customerId\" : \"" + customerId + "\"\n}";

        ApiResponse replay = send(post("/orders").header("Idempotency-Key", key).json(relaidOut));

        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).hasValue("true");
        assertThat(JsonBody.of(replay).string("orderId")).isEqualTo(JsonBody.of(first).string("orderId"));
    }

    @Test
    void one_key_with_another_body_is_rejected() {
        String customerId = newCustomerId();
        String key = "key-" + UUID.randomUUID();
        ApiResponse first = send(post("/orders").header("Idempotency-Key", key).json(exampleOrderJson(customerId)));

        ApiResponse reused = send(post("/orders").header("Idempotency-Key", key)
                .json(orderJson(customerId, "SKU-MUG-01", 5)));

        JsonBody problem = assertProblem(reused, 422);
        assertThat(problem.strings("errors", "field")).contains("Idempotency-Key");
        JsonBody stored = JsonBody.of(send(get("/orders/" + JsonBody.of(first).string("orderId"))));
        assertThat(stored.string("total")).isEqualTo("61.81");
    }

    @Test
    void one_key_with_unavailable_sku_is_rejected() {
        String customerId = newCustomerId();
        String key = "key-" + UUID.randomUUID();
        send(post("/orders").header("Idempotency-Key", key).json(exampleOrderJson(customerId)));

        ApiResponse reused = send(post("/orders").header("Idempotency-Key", key)
                .json(orderJson(customerId, "SKU-UMBRELLA", 1)));

        assertProblem(reused, 422);
        assertThat(JsonBody.of(send(get("/orders?customerId=" + customerId))).list("items")).hasSize(1);
    }

    @Test
    void one_key_of_another_customer_places_another_order() {
        String key = "key-" + UUID.randomUUID();

        ApiResponse mine = send(post("/orders").header("Idempotency-Key", key).json(exampleOrderJson(newCustomerId())));
        ApiResponse theirs = send(post("/orders").header("Idempotency-Key", key)
                .json(exampleOrderJson(newCustomerId())));

        assertThat(mine.status()).isEqualTo(201);
        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.header("Idempotent-Replayed")).isEmpty();
        assertThat(JsonBody.of(theirs).string("orderId")).isNotEqualTo(JsonBody.of(mine).string("orderId"));
    }

    @Test
    void concurrent_placements_with_one_key_store_one_order() throws Exception {
        String customerId = newCustomerId();
        String json = exampleOrderJson(customerId);
        String key = "key-" + UUID.randomUUID();

        List<ApiResponse> responses = sendConcurrently(32,
                () -> send(post("/orders").header("Idempotency-Key", key).json(json)));

        assertThat(responses).extracting(ApiResponse::status).containsOnly(201);
        assertThat(responses.stream().map(response -> JsonBody.of(response).string("orderId")).distinct())
                .hasSize(1);
        assertThat(responses.stream().filter(response -> response.header("Idempotent-Replayed").isEmpty()))
                .hasSize(1);
        assertThat(JsonBody.of(send(get("/orders?customerId=" + customerId))).list("items")).hasSize(1);
    }

    @Test
    void idempotency_key_over_255_characters_is_rejected() {
        String customerId = newCustomerId();

        ApiResponse response = send(post("/orders").header("Idempotency-Key", "k".repeat(256))
                .json(exampleOrderJson(customerId)));

        JsonBody problem = assertProblem(response, 400);
        assertThat(problem.strings("errors", "field")).contains("Idempotency-Key");
        assertThat(JsonBody.of(send(get("/orders?customerId=" + customerId))).list("items")).isEmpty();
    }

    @Test
    void idempotency_key_of_255_printable_characters_is_accepted() {
        String key = (UUID.randomUUID() + " !~\"{}").repeat(10).substring(0, 255);

        ApiResponse first = send(post("/orders").header("Idempotency-Key", key).json(exampleOrderJson(newCustomerId())));

        assertThat(first.status()).isEqualTo(201);
    }

    // Helpers

    /** Sends a request to the deployment under test. */
    protected final ApiResponse send(TestRequest request) {
        return client().send(request.build());
    }

    /** Returns a customer id that no other test uses, so tests can share one store. */
    protected static String newCustomerId() {
        return "cust-" + UUID.randomUUID();
    }

    /** Places an order and returns its body, failing the test unless the status is 201. */
    protected final JsonBody placeOrder(String json) {
        ApiResponse response = send(post("/orders").json(json));
        assertThat(response.status()).as("response to placing %s: %s", json, response.bodyText()).isEqualTo(201);
        return JsonBody.of(response);
    }

    /** Returns the contract's example request: two T-shirts and a mug for 61.81 USD in all. */
    protected static String exampleOrderJson(String customerId) {
        return "{\"customerId\":\"" + customerId + "\",\"currency\":\"USD\",\"items\":" + EXAMPLE_ITEMS + "}";
    }

    /** Returns a place-order body without a currency, where {@code lines} alternates SKUs and quantities. */
    protected static String orderJson(String customerId, Object... lines) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < lines.length; i += 2) {
            items.add("{\"sku\":\"" + lines[i] + "\",\"quantity\":" + lines[i + 1] + "}");
        }
        return "{\"customerId\":\"" + customerId + "\",\"items\":[" + String.join(",", items) + "]}";
    }

    /**
     * Checks that a response is an RFC 9457 problem document of the status, without a trace of the code inside.
     *
     * @return the parsed problem, for checks of its {@code errors}
     */
    protected static JsonBody assertProblem(ApiResponse response, int status) {
        assertThat(response.status()).as("status of %s", response.bodyText()).isEqualTo(status);
        assertThat(mediaType(response)).isEqualTo("application/problem+json");
        JsonBody problem = JsonBody.of(response);
        assertThat(problem.string("type")).isNotBlank();
        assertThat(problem.string("title")).isNotBlank();
        assertThat(problem.integer("status")).isEqualTo(status);
        assertThat(problem.string("detail")).isNotBlank();
        if (problem.has("errors")) {
            assertThat(problem.list("errors")).isNotEmpty();
        }
        assertThat(response.bodyText()).doesNotContain("Exception", "at dev.", "\tat ", "java.");
        return problem;
    }

    /**
     * Sends {@code count} requests from as many threads, released together by one start gate so that they reach
     * the service at the same time, and returns every response.
     */
    private static List<ApiResponse> sendConcurrently(int count, Callable<ApiResponse> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<ApiResponse>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return request.call();
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).as("all threads ready").isTrue();

            start.countDown();
            List<ApiResponse> responses = new ArrayList<>();
            for (Future<ApiResponse> future : futures) {
                responses.add(future.get(30, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Returns the status of the response, or the failure of a client that got none, such as a reset connection. */
    private String statusOrFailure(TestRequest request) {
        try {
            return String.valueOf(send(request).status());
        } catch (RuntimeException failed) {
            return "no response, " + failed + (failed.getCause() == null ? "" : ", caused by " + failed.getCause());
        }
    }

    private static String quantityBody(String quantity) {
        return "{\"customerId\":\"c-1\",\"items\":[{\"sku\":\"SKU-MUG-01\",\"quantity\":" + quantity + "}]}";
    }

    private static String mediaType(ApiResponse response) {
        return response.header("Content-Type").orElse("").split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    /** Returns the comma-separated values of a header, lower-cased, across repeats of the header. */
    private static List<String> headerList(ApiResponse response, String name) {
        return response.headers().getOrDefault(name, List.of()).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(value -> value.trim().toLowerCase(Locale.ROOT))
                .toList();
    }

    private static List<String> corsHeaderNames(ApiResponse response) {
        return response.headers().keySet().stream()
                .filter(name -> name.toLowerCase(Locale.ROOT).startsWith("access-control-"))
                .toList();
    }

    private String firstCursor(String customerId) {
        JsonBody page = JsonBody.of(send(get("/orders?customerId=" + customerId + "&limit=1")));
        return page.string("nextCursor");
    }

    private static String replaceCharAt(String text, int index) {
        char replacement = text.charAt(index) == 'A' ? 'B' : 'A';
        return text.substring(0, index) + replacement + text.substring(index + 1);
    }

    /** Pads a JSON object with spaces before its closing brace to exactly {@code size} bytes. */
    private static byte[] padded(String json, int size) {
        byte[] start = json.substring(0, json.length() - 1).getBytes(StandardCharsets.UTF_8);
        byte[] padded = new byte[size];
        Arrays.fill(padded, (byte) ' ');
        System.arraycopy(start, 0, padded, 0, start.length);
        padded[size - 1] = '}';
        return padded;
    }
}
