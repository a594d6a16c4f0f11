package dev.orderservice.http;

import dev.orderservice.core.domain.OrderException;
import dev.orderservice.core.domain.OrderException.Violation;
import dev.orderservice.http.json.JsonWriter;
import dev.orderservice.http.json.MalformedJsonException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns every refusal and failure into an RFC 9457 problem document; the one place that maps reasons to statuses. */
final class Problems {

    static final String CONTENT_TYPE = "application/problem+json";

    /** Seconds a client should wait before retrying when the store is unavailable. */
    static final String RETRY_AFTER_SECONDS = "1";

    private Problems() {
    }

    static HttpResponse from(Throwable failure) {
        if (failure instanceof MalformedJsonException) {
            return problem(400, "malformed-json", "Request body is not valid JSON", failure.getMessage(), List.of());
        }
        if (failure instanceof UnsupportedMediaTypeException) {
            return problem(415, "unsupported-media-type", "Unsupported media type", failure.getMessage(), List.of());
        }
        if (failure instanceof ForbiddenException) {
            return problem(403, "forbidden", "Forbidden", failure.getMessage(), List.of());
        }
        if (failure instanceof OrderException) {
            return from((OrderException) failure);
        }
        return new HttpResponse(500, headers(), JsonWriter.problem("/problems/internal-error",
                "Internal server error", 500, "The server failed to process the request. The failure is logged.",
                List.of()), failure);
    }

    private static HttpResponse from(OrderException refusal) {
        String detail = refusal.getMessage();
        List<Violation> errors = refusal.violations();
        switch (refusal.reason()) {
            case INVALID:
                return problem(400, "validation-failed", "Request is not valid", detail, errors);
            case NOT_FOUND:
                return problem(404, "not-found", "Resource not found", detail, errors);
            case REJECTED:
                return problem(422, "request-rejected", "Request cannot be accepted", detail, errors);
            case CONFLICT:
                return problem(409, "status-conflict", "Order status does not allow this change", detail, errors);
            case STALE_VERSION:
                return problem(412, "stale-version", "Order has changed since the version given", detail, errors);
            case UNAVAILABLE:
                Map<String, String> headers = headers();
                headers.put("Retry-After", RETRY_AFTER_SECONDS);
                return new HttpResponse(503, headers, JsonWriter.problem("/problems/store-unavailable",
                        "Store is unavailable", 503, "The order store is unreachable or busy. Retry later.",
                        List.of()), refusal);
            default:
                throw new IllegalStateException("no status for " + refusal.reason());
        }
    }

    static HttpResponse problem(int status, String type, String title, String detail, List<Violation> errors) {
        return new HttpResponse(status, headers(), JsonWriter.problem("/problems/" + type, title, status, detail,
                errors), null);
    }

    private static Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", CONTENT_TYPE);
        return headers;
    }
}
