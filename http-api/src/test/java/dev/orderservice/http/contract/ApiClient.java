package dev.orderservice.http.contract;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Sends a request to one deployment of the API and returns its response as the client would see it: over a real
 * socket for the local server, or through an API Gateway event and back for a Lambda handler.
 */
public interface ApiClient {

    ApiResponse send(ApiRequest request);

    /** A request as a client sends it; {@code target} is the path with its raw query, such as {@code /orders?limit=2}. */
    record ApiRequest(String method, String target, Map<String, List<String>> headers, byte[] body) {

        public ApiRequest {
            headers = Map.copyOf(headers);
            body = body == null ? new byte[0] : body;
        }
    }

    /** A response, whose header names are case-insensitive. */
    record ApiResponse(int status, Map<String, List<String>> headers, byte[] body) {

        public ApiResponse {
            Map<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            caseInsensitive.putAll(headers);
            headers = caseInsensitive;
        }

        public Optional<String> header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
