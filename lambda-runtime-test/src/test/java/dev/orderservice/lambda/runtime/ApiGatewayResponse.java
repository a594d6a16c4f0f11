package dev.orderservice.lambda.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The HTTP response that API Gateway makes of a Lambda function's output, read the way API Gateway reads it:
 * {@code statusCode}, {@code headers} (and, in payload 1.0, {@code multiValueHeaders}), {@code body}, decoded
 * when {@code isBase64Encoded} is true.
 *
 * @param status the HTTP status code
 * @param headers header values by lower-case name
 * @param body the response body as UTF-8 text, empty when there is none
 */
record ApiGatewayResponse(int status, Map<String, List<String>> headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads a payload 2.0 output. An output that is not an object with {@code statusCode} is taken, as HTTP
     * APIs take it, as the body of a 200 response with {@code Content-Type: application/json}.
     */
    static ApiGatewayResponse fromHttpApiOutput(byte[] output) {
        JsonNode root = parse(output);
        if (root == null || !root.isObject() || !root.has("statusCode")) {
            Map<String, List<String>> headers = new TreeMap<>();
            headers.put("content-type", List.of("application/json"));
            return new ApiGatewayResponse(200, headers, new String(output, StandardCharsets.UTF_8));
        }
        Map<String, List<String>> headers = new TreeMap<>();
        addHeaders(headers, root.get("headers"));
        JsonNode cookies = root.get("cookies");
        if (cookies != null && cookies.isArray()) {
            cookies.forEach(cookie -> headers.computeIfAbsent("set-cookie", name -> new ArrayList<>())
                    .add(cookie.asText()));
        }
        return new ApiGatewayResponse(root.get("statusCode").asInt(), headers, body(root));
    }

    /**
     * Reads a payload 1.0 output. For an output without a numeric {@code statusCode}, a REST API returns 502
     * with {@code {"message": "Internal server error"}}.
     */
    static ApiGatewayResponse fromRestApiOutput(byte[] output) {
        JsonNode root = parse(output);
        if (root == null || !root.isObject() || !root.path("statusCode").canConvertToInt()) {
            Map<String, List<String>> headers = new TreeMap<>();
            headers.put("content-type", List.of("application/json"));
            return new ApiGatewayResponse(502, headers, "{\"message\": \"Internal server error\"}");
        }
        Map<String, List<String>> headers = new TreeMap<>();
        addHeaders(headers, root.get("headers"));
        JsonNode multiValueHeaders = root.get("multiValueHeaders");
        if (multiValueHeaders != null && multiValueHeaders.isObject()) {
            // A name in both maps keeps the multi-value list, as API Gateway merges them.
            multiValueHeaders.fields().forEachRemaining(field -> {
                List<String> values = new ArrayList<>();
                field.getValue().forEach(value -> values.add(value.asText()));
                headers.put(field.getKey().toLowerCase(Locale.ROOT), values);
            });
        }
        return new ApiGatewayResponse(root.get("statusCode").asInt(), headers, body(root));
    }

    /** Returns the first value of a header, by name in any case, or {@code null}. */
    String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Returns the body as a JSON tree. */
    JsonNode json() {
        JsonNode parsed = parse(body.getBytes(StandardCharsets.UTF_8));
        if (parsed == null) {
            throw new IllegalStateException("the body is not JSON: " + body);
        }
        return parsed;
    }

    private static void addHeaders(Map<String, List<String>> headers, JsonNode node) {
        if (node == null || !node.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            headers.put(field.getKey().toLowerCase(Locale.ROOT), new ArrayList<>(List.of(field.getValue().asText())));
        }
    }

    private static String body(JsonNode root) {
        JsonNode body = root.get("body");
        if (body == null || body.isNull()) {
            return "";
        }
        if (root.path("isBase64Encoded").asBoolean(false)) {
            return new String(Base64.getDecoder().decode(body.asText()), StandardCharsets.UTF_8);
        }
        return body.asText();
    }

    private static JsonNode parse(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException notJson) {
            return null;
        }
    }
}
