package dev.orderservice.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderservice.core.domain.CustomerId;
import dev.orderservice.core.domain.Money;
import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.OrderId;
import dev.orderservice.core.domain.OrderLine;
import dev.orderservice.core.domain.PricingPolicy;
import dev.orderservice.core.domain.Sku;
import dev.orderservice.core.port.in.ApplyOrderEventUseCase.AppliedEvent;
import dev.orderservice.core.port.in.CancelOrderCommand;
import dev.orderservice.core.port.in.ListOrdersQuery;
import dev.orderservice.core.port.in.PlaceOrderCommand;
import dev.orderservice.core.port.in.PlaceOrderUseCase.PlacedOrder;
import dev.orderservice.core.port.out.OrderPage;
import dev.orderservice.http.contract.JsonBody;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Requests whose customer an authorizer has verified, as the Lambda handlers build them. Such a request acts for
 * that customer only. The use cases are fakes that record what they receive.
 */
class AuthenticatedRequestTest {

    private static final String OWNER = "cust-owner";
    private static final Order OWNERS_ORDER = Order.place(new OrderId("3f2504e0-4f89-41d3-9a0c-0305e82c3301"),
            new CustomerId(OWNER), List.of(new OrderLine(new Sku("SKU-MUG-01"), "Ceramic Mug", 1,
                    Money.parse("12.50", Currency.getInstance("USD")))), PricingPolicy.demo(),
            Instant.parse("2026-12-04T19:00:00.123Z"));

    private final List<PlaceOrderCommand> placed = new ArrayList<>();
    private final List<ListOrdersQuery> listed = new ArrayList<>();
    private final List<CancelOrderCommand> cancelled = new ArrayList<>();
    private final OrderHttpApi api = OrderHttpApi.forLambda(new OrderHttpApi.UseCases(
            command -> {
                placed.add(command);
                return new PlacedOrder(Order.place(OWNERS_ORDER.id(), command.customerId(), OWNERS_ORDER.lines(),
                        PricingPolicy.demo(), OWNERS_ORDER.createdAt()), false);
            },
            orderId -> OWNERS_ORDER,
            query -> {
                listed.add(query);
                return new OrderPage(List.of(), null);
            },
            command -> {
                cancelled.add(command);
                return OWNERS_ORDER.cancel(null, OWNERS_ORDER.createdAt());
            },
            event -> new AppliedEvent(OWNERS_ORDER, true),
            List::of), CorsPolicy.none());

    @Test
    void placing_may_leave_the_customer_to_the_authorizer() {
        HttpResponse response = api.handle(placeOrder("{\"items\":[{\"sku\":\"SKU-MUG-01\",\"quantity\":1}]}", OWNER));

        assertThat(response.status()).isEqualTo(201);
        assertThat(placed).extracting(command -> command.customerId().value()).containsExactly(OWNER);
    }

    @Test
    void placing_for_another_customer_is_forbidden() {
        HttpResponse response = api.handle(placeOrder(
                "{\"customerId\":\"cust-other\",\"items\":[{\"sku\":\"SKU-MUG-01\",\"quantity\":1}]}", OWNER));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.headers()).containsEntry("Content-Type", "application/problem+json");
        assertThat(placed).isEmpty();
    }

    @Test
    void listing_without_customer_id_lists_the_authenticated_one() {
        HttpResponse response = api.handle(HttpRequest.builder("GET", "/orders").authenticatedCustomerId(OWNER)
                .build());

        assertThat(response.status()).isEqualTo(200);
        assertThat(listed).extracting(query -> query.customerId().value()).containsExactly(OWNER);
    }

    @Test
    void listing_another_customer_is_forbidden() {
        HttpResponse response = api.handle(HttpRequest.builder("GET", "/orders")
                .query("customerId", List.of("cust-other")).authenticatedCustomerId(OWNER).build());

        assertThat(response.status()).isEqualTo(403);
        assertThat(listed).isEmpty();
    }

    @Test
    void order_of_another_customer_is_not_found() {
        HttpResponse response = api.handle(HttpRequest.builder("GET", "/orders/" + OWNERS_ORDER.id().value())
                .authenticatedCustomerId("cust-other").build());

        assertThat(response.status()).isEqualTo(404);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain(OWNER);
    }

    @Test
    void own_order_is_found() {
        HttpResponse response = api.handle(HttpRequest.builder("GET", "/orders/" + OWNERS_ORDER.id().value())
                .authenticatedCustomerId(OWNER).build());

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void cancel_carries_the_authenticated_customer() {
        HttpResponse response = api.handle(cancel("cust-other"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(cancelled).extracting(command -> command.requestedBy().map(CustomerId::value).orElse(null))
                .containsExactly("cust-other");
    }

    @Test
    void cancel_by_unusual_subject_is_not_trusted() {
        // A verified subject may contain characters that a customer id may not, such as '|'.
        HttpResponse response = api.handle(cancel("auth0|5f7c8ec7c33c6c004bbafe82"));

        assertThat(cancelled).allSatisfy(command -> assertThat(command.requestedBy()).isPresent());
        assertThat(response.status()).isBetween(400, 499);
    }

    @Test
    void location_starts_with_the_base_path() {
        HttpResponse response = api.handle(HttpRequest.builder("POST", "/orders")
                .basePath("/prod")
                .header("Content-Type", "application/json")
                .body("{\"customerId\":\"cust-1\",\"items\":[{\"sku\":\"SKU-MUG-01\",\"quantity\":1}]}"
                        .getBytes(StandardCharsets.UTF_8))
                .build());

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.headers()).containsEntry("Location",
                "/prod/orders/" + JsonBody.parse(response.body()).string("orderId"));
    }

    private static HttpRequest placeOrder(String json, String authenticatedCustomerId) {
        return HttpRequest.builder("POST", "/orders")
                .header("Content-Type", "application/json")
                .body(json.getBytes(StandardCharsets.UTF_8))
                .authenticatedCustomerId(authenticatedCustomerId)
                .build();
    }

    private static HttpRequest cancel(String authenticatedCustomerId) {
        return HttpRequest.builder("POST", "/orders/" + OWNERS_ORDER.id().value() + "/cancel")
                .authenticatedCustomerId(authenticatedCustomerId)
                .build();
    }
}
