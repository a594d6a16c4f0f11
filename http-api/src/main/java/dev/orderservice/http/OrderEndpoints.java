package dev.orderservice.http;

import dev.orderservice.core.domain.CustomerId;
import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.OrderEvent;
import dev.orderservice.core.domain.OrderException;
import dev.orderservice.core.domain.OrderId;
import dev.orderservice.core.port.in.ApplyOrderEventUseCase;
import dev.orderservice.core.port.in.CancelOrderCommand;
import dev.orderservice.core.port.in.CancelOrderUseCase;
import dev.orderservice.core.port.in.GetOrderUseCase;
import dev.orderservice.core.port.in.ListOrdersQuery;
import dev.orderservice.core.port.in.ListOrdersUseCase;
import dev.orderservice.core.port.in.ListProductsUseCase;
import dev.orderservice.core.port.in.PlaceOrderCommand;
import dev.orderservice.core.port.in.PlaceOrderUseCase;
import dev.orderservice.core.port.in.PlaceOrderUseCase.PlacedOrder;
import dev.orderservice.http.json.JsonWriter;
import dev.orderservice.http.json.OrderRequests;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One method per operation of API.md: read the request, call the use case, write the response. */
final class OrderEndpoints {

    private static final Pattern IF_MATCH = Pattern.compile("\"([0-9]{1,18})\"");

    private final PlaceOrderUseCase placeOrder;
    private final GetOrderUseCase getOrder;
    private final ListOrdersUseCase listOrders;
    private final CancelOrderUseCase cancelOrder;
    private final ApplyOrderEventUseCase applyEvent;
    private final ListProductsUseCase listProducts;

    OrderEndpoints(PlaceOrderUseCase placeOrder, GetOrderUseCase getOrder, ListOrdersUseCase listOrders,
            CancelOrderUseCase cancelOrder, ApplyOrderEventUseCase applyEvent, ListProductsUseCase listProducts) {
        this.placeOrder = placeOrder;
        this.getOrder = getOrder;
        this.listOrders = listOrders;
        this.cancelOrder = cancelOrder;
        this.applyEvent = applyEvent;
        this.listProducts = listProducts;
    }

    HttpResponse health() {
        return json(200, JsonWriter.status("UP"));
    }

    HttpResponse products() {
        return json(200, JsonWriter.products(listProducts.listProducts()));
    }

    HttpResponse placeOrder(HttpRequest request) {
        String idempotencyKey = request.header("Idempotency-Key").orElse(null);
        PlaceOrderCommand command = OrderRequests.placeOrder(request.body(), idempotencyKey,
                request.authenticatedCustomerId().orElse(null));

        PlacedOrder placed = placeOrder.place(command);

        Map<String, String> headers = orderHeaders(placed.order());
        headers.put("Location", request.basePath() + "/orders/" + placed.order().id().value());
        if (placed.replayed()) {
            headers.put("Idempotent-Replayed", "true");
        }
        return new HttpResponse(201, headers, JsonWriter.order(placed.order()), null);
    }

    HttpResponse getOrder(HttpRequest request, String orderId) {
        Order order = getOrder.get(orderIdOf(orderId));

        // Another customer's order is reported as missing, so that its existence is not disclosed.
        Optional<String> caller = request.authenticatedCustomerId();
        if (caller.isPresent() && !caller.get().equals(order.customerId().value())) {
            throw OrderException.notFound(order.id());
        }
        return orderResponse(200, order);
    }

    HttpResponse listOrders(HttpRequest request) {
        String customerId = Identity.customerFor(request, singleQueryValue(request, "customerId"));
        String limit = singleQueryValue(request, "limit");
        String cursor = singleQueryValue(request, "cursor");
        if (customerId == null) {
            throw OrderException.invalid("customerId", "is required");
        }
        if (!CustomerId.isValid(customerId)) {
            throw OrderException.invalid("customerId", "must be 1 to 64 characters of A-Z a-z 0-9 . _ : @ -");
        }

        ListOrdersQuery query = new ListOrdersQuery(new CustomerId(customerId), parseLimit(limit), cursor);
        return json(200, JsonWriter.orderPage(listOrders.list(query)));
    }

    HttpResponse cancelOrder(HttpRequest request, String orderId) {
        OrderId id = orderIdOf(orderId);
        Long expectedVersion = parseIfMatch(request.header("If-Match").orElse(null));
        String reason = OrderRequests.cancelReason(request.body()).orElse(null);

        CustomerId caller = null;
        if (request.authenticatedCustomerId().isPresent()) {
            String subject = request.authenticatedCustomerId().get();
            // A subject that is not a valid customer id can own no order, so every order is missing for it.
            if (!CustomerId.isValid(subject)) {
                throw OrderException.notFound(id);
            }
            caller = new CustomerId(subject);
        }
        Order cancelled = cancelOrder.cancel(new CancelOrderCommand(id, reason, expectedVersion, caller));
        return orderResponse(200, cancelled);
    }

    HttpResponse applyEvent(HttpRequest request) {
        OrderEvent event = OrderRequests.event(request.body());
        return orderResponse(200, applyEvent.apply(event).order());
    }

    /** Parses a path's order id. One that is not even well-formed names no order, so it is a 404 as well. */
    private static OrderId orderIdOf(String pathValue) {
        if (!OrderId.isValid(pathValue)) {
            throw OrderException.notFound("no order has the id given in the path");
        }
        return new OrderId(pathValue);
    }

    private static String singleQueryValue(HttpRequest request, String name) {
        List<String> values = request.queryValues(name);
        if (values.size() > 1) {
            throw OrderException.invalid(name, "must be given at most once");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    private static int parseLimit(String limit) {
        if (limit == null) {
            return ListOrdersQuery.DEFAULT_LIMIT;
        }
        if (!limit.matches("[0-9]{1,3}")) {
            throw OrderException.invalid("limit", "must be an integer between 1 and " + ListOrdersQuery.MAX_LIMIT);
        }
        return Integer.parseInt(limit);
    }

    /** Reads {@code If-Match: "3"}; {@code *} matches any version, so it sets no expectation. */
    private static Long parseIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.trim().equals("*")) {
            return null;
        }
        Matcher version = IF_MATCH.matcher(ifMatch.trim());
        if (!version.matches()) {
            throw OrderException.invalid("If-Match", "must be an order version in quotes, such as \"3\"");
        }
        return Long.parseLong(version.group(1));
    }

    private static HttpResponse orderResponse(int status, Order order) {
        return new HttpResponse(status, orderHeaders(order), JsonWriter.order(order), null);
    }

    /** The version is the order's entity tag, so a client can send it back in {@code If-Match}. */
    private static Map<String, String> orderHeaders(Order order) {
        Map<String, String> headers = jsonHeaders();
        headers.put("ETag", "\"" + order.version() + "\"");
        return headers;
    }

    private static HttpResponse json(int status, byte[] body) {
        return new HttpResponse(status, jsonHeaders(), body, null);
    }

    private static Map<String, String> jsonHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        return headers;
    }
}
