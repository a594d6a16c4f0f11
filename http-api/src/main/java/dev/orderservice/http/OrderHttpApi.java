package dev.orderservice.http;

import dev.orderservice.core.domain.OrderException;
import dev.orderservice.core.port.in.ApplyOrderEventUseCase;
import dev.orderservice.core.port.in.CancelOrderUseCase;
import dev.orderservice.core.port.in.GetOrderUseCase;
import dev.orderservice.core.port.in.ListOrdersUseCase;
import dev.orderservice.core.port.in.ListProductsUseCase;
import dev.orderservice.core.port.in.PlaceOrderUseCase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP contract of API.md as one function from request to response, with no server or framework in it.
 *
 * <p>The local Javalin server and both API Gateway handlers only translate their own request type into an
 * {@link HttpRequest} and the {@link HttpResponse} back, so routing, strict reading, CORS, {@code HEAD}, trailing
 * slashes and every error response are the same code on every adapter. {@link #handle} never throws.
 */
public final class OrderHttpApi {

    /** Request bodies above this many bytes are refused with 413 before they are parsed. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final String ALLOWED_REQUEST_HEADERS = "Content-Type, Idempotency-Key, If-Match, Authorization";
    private static final String EXPOSED_HEADERS = "Location, ETag, Idempotent-Replayed, Retry-After";
    private static final String PREFLIGHT_MAX_AGE_SECONDS = "600";
    private static final List<String> SINGLE_HEADERS = List.of("Content-Type", "Idempotency-Key", "If-Match");

    private final OrderEndpoints endpoints;
    private final CorsPolicy cors;
    private final boolean withLocalRoutes;

    private OrderHttpApi(OrderEndpoints endpoints, CorsPolicy cors, boolean withLocalRoutes) {
        this.endpoints = endpoints;
        this.cors = cors;
        this.withLocalRoutes = withLocalRoutes;
    }

    /** The use cases that the API calls. */
    public record UseCases(PlaceOrderUseCase placeOrder, GetOrderUseCase getOrder, ListOrdersUseCase listOrders,
            CancelOrderUseCase cancelOrder, ApplyOrderEventUseCase applyEvent, ListProductsUseCase listProducts) {
    }

    /** Returns the API as a Lambda function serves it: without {@code /health} and {@code /events}. */
    public static OrderHttpApi forLambda(UseCases useCases, CorsPolicy cors) {
        return new OrderHttpApi(endpoints(useCases), cors, false);
    }

    /** Returns the API as the local server serves it, with {@code /health} and {@code POST /events}. */
    public static OrderHttpApi forLocalServer(UseCases useCases, CorsPolicy cors) {
        return new OrderHttpApi(endpoints(useCases), cors, true);
    }

    private static OrderEndpoints endpoints(UseCases useCases) {
        return new OrderEndpoints(useCases.placeOrder(), useCases.getOrder(), useCases.listOrders(),
                useCases.cancelOrder(), useCases.applyEvent(), useCases.listProducts());
    }

    /**
     * Returns the problem document response that the API sends for a failure, for callers that read API bodies
     * outside HTTP, such as an import of place-order lines. An unexpected failure gets a 500 with its cause.
     */
    public static HttpResponse problemFor(RuntimeException failure) {
        return Problems.from(failure);
    }

    /** Handles a request; every failure becomes a problem document, an unexpected one with its cause attached. */
    public HttpResponse handle(HttpRequest request) {
        HttpResponse response;
        try {
            response = route(request);
        } catch (RuntimeException failure) {
            response = Problems.from(failure);
        }
        return withCorsHeaders(request, request.method().equals("HEAD") ? withoutBody(response) : response);
    }

    private HttpResponse route(HttpRequest request) {
        Optional<Route.Match> match = Route.match(request.path(), withLocalRoutes);
        if (match.isEmpty()) {
            return Problems.problem(404, "not-found", "Resource not found", "no resource at " + abbreviate(request.path()),
                    List.of());
        }
        Route route = match.get().route();
        String method = request.method();
        if (method.equals("OPTIONS")) {
            return preflight(request, route);
        }
        if (!route.allows(method)) {
            Map<String, String> headers = new LinkedHashMap<>(methodNotAllowed(method).headers());
            headers.put("Allow", route.allowHeader());
            return new HttpResponse(405, headers, methodNotAllowed(method).body(), null);
        }
        if (request.body().length > MAX_BODY_BYTES) {
            return Problems.problem(413, "payload-too-large", "Request body is too large",
                    "a request body may have at most " + MAX_BODY_BYTES + " bytes", List.of());
        }
        rejectRepeats(request);
        return dispatch(request, match.get());
    }

    private HttpResponse dispatch(HttpRequest request, Route.Match match) {
        switch (match.route()) {
            case HEALTH:
                return endpoints.health();
            case PRODUCTS:
                return endpoints.products();
            case ORDERS:
                return request.method().equals("POST")
                        ? endpoints.placeOrder(requireJson(request, true))
                        : endpoints.listOrders(request);
            case ORDER:
                return endpoints.getOrder(request, match.orderId());
            case CANCEL_ORDER:
                return endpoints.cancelOrder(requireJson(request, false), match.orderId());
            case EVENTS:
                return endpoints.applyEvent(requireJson(request, true));
            default:
                throw new IllegalStateException("no endpoint for " + match.route());
        }
    }

    /**
     * Rejects a repeated query parameter or a repeated header that the API reads, because picking one of the
     * values would act on a request the client may not have meant.
     */
    private static void rejectRepeats(HttpRequest request) {
        for (String name : request.queryNames()) {
            if (request.queryValues(name).size() > 1) {
                throw OrderException.invalid(name, "must be given at most once");
            }
        }
        for (String name : SINGLE_HEADERS) {
            if (request.headerValues(name).size() > 1) {
                throw OrderException.invalid(name, "must be given at most once");
            }
        }
    }

    /**
     * Returns the request if its body is JSON, or throws a 415 refusal.
     *
     * @param bodyRequired whether the operation needs a body; an optional one may be empty with no content type
     */
    private static HttpRequest requireJson(HttpRequest request, boolean bodyRequired) {
        if (!bodyRequired && request.body().length == 0) {
            return request;
        }
        String contentType = request.header("Content-Type").orElse("");
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw new UnsupportedMediaTypeException(contentType);
        }
        return request;
    }

    private HttpResponse preflight(HttpRequest request, Route route) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Allow", route.allowHeader());
        Optional<String> origin = request.header("Origin");
        if (origin.isPresent() && cors.allows(origin.get())
                && request.header("Access-Control-Request-Method").isPresent()) {
            headers.put("Access-Control-Allow-Methods", route.allowHeader());
            headers.put("Access-Control-Allow-Headers", ALLOWED_REQUEST_HEADERS);
            headers.put("Access-Control-Max-Age", PREFLIGHT_MAX_AGE_SECONDS);
        }
        return new HttpResponse(204, headers, new byte[0], null);
    }

    private HttpResponse withCorsHeaders(HttpRequest request, HttpResponse response) {
        Optional<String> origin = request.header("Origin");
        if (origin.isEmpty() || !cors.allows(origin.get())) {
            return response;
        }
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        headers.put("Access-Control-Allow-Origin", origin.get());
        headers.put("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        headers.put("Vary", "Origin");
        return new HttpResponse(response.status(), headers, response.body(), response.failure().orElse(null));
    }

    /** Drops the body of a {@code HEAD} response but keeps its length, as the {@code GET} response would state it. */
    private static HttpResponse withoutBody(HttpResponse response) {
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        headers.put("Content-Length", Integer.toString(response.body().length));
        return new HttpResponse(response.status(), headers, new byte[0], response.failure().orElse(null));
    }

    private static HttpResponse methodNotAllowed(String method) {
        return Problems.problem(405, "method-not-allowed", "Method not allowed",
                abbreviate(method) + " is not allowed on this resource; see the Allow header", List.of());
    }

    private static String abbreviate(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "...";
    }
}
