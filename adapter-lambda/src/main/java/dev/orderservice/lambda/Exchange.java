package dev.orderservice.lambda;

import dev.orderservice.core.domain.OrderException;
import dev.orderservice.http.HttpRequest;
import dev.orderservice.http.HttpResponse;
import dev.orderservice.http.json.JsonWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One invocation's request and response, as the log and the response writer need them.
 *
 * @param method the request's method, or {@code null} when the event could not be read
 * @param path the request's path without a stage, or {@code null} when the event could not be read
 * @param failure the unexpected exception behind a 500, which goes to the log and never to the client
 */
record Exchange(String method, String path, int status, Map<String, String> headers, byte[] body,
        Throwable failure) {

    static Exchange of(HttpRequest request, HttpResponse response) {
        return new Exchange(request.method(), request.path(), response.status(), response.headers(), response.body(),
                response.failure().orElse(null));
    }

    /** Returns a 500 problem for an event that is not of the handler's payload format, as for any other failure. */
    static Exchange unreadableEvent(Exception cause) {
        byte[] problem = JsonWriter.problem("/problems/internal-error", "Internal server error", 500,
                "The server failed to process the request. The failure is logged.", List.<OrderException.Violation>of());
        return new Exchange(null, null, 500, Map.of("Content-Type", "application/problem+json"), problem, cause);
    }

    Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }
}
