package dev.orderservice.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.orderservice.http.HttpRequest;
import dev.orderservice.http.PercentDecoding;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Translates a REST API's payload format 1.0 to the shared API's request and its response back.
 *
 * <p>What API Gateway changes on the way in: {@code path} is the resource path without the stage and still
 * percent-encoded; header names keep the client's case; repeated headers and query parameters are complete only
 * in the multi-value maps, and query values arrive decoded; a GET has a null body and null maps.
 */
final class RestApiEvents implements EventFormat {

    static final RestApiEvents FORMAT = new RestApiEvents();

    private RestApiEvents() {
    }

    @Override
    public HttpRequest readRequest(InputStream event) throws IOException {
        return toRequest(RestApiEventJson.read(event));
    }

    static HttpRequest toRequest(APIGatewayProxyRequestEvent event) {
        String method = event.getHttpMethod();
        String path = event.getPath();
        if (method == null || path == null) {
            throw new IllegalArgumentException("the event has no httpMethod or no path, so it is not from a REST"
                    + " API; an HTTP API with payload format 2.0 needs dev.orderservice.lambda.HttpApiHandler"
                    + " instead");
        }

        ProxyRequestContext context = event.getRequestContext();
        HttpRequest.Builder request = HttpRequest.builder(method, PercentDecoding.decodePath(path))
                .basePath(context == null ? "" : basePath(context, path))
                .body(EventFormat.decodeBody(event.getBody(), Boolean.TRUE.equals(event.getIsBase64Encoded())))
                .authenticatedCustomerId(subject(context).orElse(null));
        multiValued(event.getMultiValueHeaders(), event.getHeaders()).forEach(request::headers);
        multiValued(event.getMultiValueQueryStringParameters(), event.getQueryStringParameters())
                .forEach(request::query);
        return request.build();
    }

    /**
     * Returns what the client's URL has before the resource path: {@code /prod} on the API's own host, where
     * {@code requestContext.path} is {@code /prod/orders} for the path {@code /orders}; a custom domain's base
     * path mapping instead, or nothing. Without {@code requestContext.path}, it is {@code /} and the stage.
     */
    static String basePath(ProxyRequestContext context, String path) {
        String requestPath = context.getPath();
        if (requestPath != null && requestPath.endsWith(path)) {
            return requestPath.substring(0, requestPath.length() - path.length());
        }
        return context.getStage() == null ? "" : "/" + context.getStage();
    }

    /** Returns the {@code sub} claim that a Cognito user pool authorizer verified, if the method has one. */
    private static Optional<String> subject(ProxyRequestContext context) {
        if (context == null || context.getAuthorizer() == null
                || !(context.getAuthorizer().get("claims") instanceof Map<?, ?> claims)) {
            return Optional.empty();
        }
        return claims.get("sub") instanceof String sub ? Optional.of(sub) : Optional.empty();
    }

    /** Returns the multi-value map when the event has one, else the single values as lists, else nothing. */
    private static Map<String, List<String>> multiValued(Map<String, List<String>> multiValue,
            Map<String, String> singleValue) {
        if (multiValue != null) {
            return multiValue;
        }
        if (singleValue == null) {
            return Map.of();
        }
        Map<String, List<String>> lists = new LinkedHashMap<>();
        singleValue.forEach((name, value) -> lists.put(name, List.of(value)));
        return lists;
    }

    @Override
    public void writeResponse(int status, Map<String, String> headers, byte[] body, OutputStream output)
            throws IOException {
        APIGatewayProxyResponseEvent response = new APIGatewayProxyResponseEvent();
        response.setStatusCode(status);
        response.setHeaders(headers);
        // The API only responds with JSON, which is UTF-8 text, so no body needs base64.
        response.setBody(new String(body, StandardCharsets.UTF_8));
        response.setIsBase64Encoded(false);
        RestApiEventJson.write(response, output);
    }

    @Override
    public byte[] sampleEvent(String method, String path, String contentType, String body) {
        Map<String, String> headers = contentType == null ? Map.of() : Map.of("Content-Type", contentType);
        Map<String, List<String>> multiValueHeaders = contentType == null
                ? Map.of()
                : Map.of("Content-Type", List.of(contentType));
        ProxyRequestContext context = new ProxyRequestContext();
        context.setRequestId("sample");
        context.setStage("sample");
        context.setPath("/sample" + path);
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent();
        event.setHttpMethod(method);
        event.setPath(path);
        event.setHeaders(headers);
        event.setMultiValueHeaders(multiValueHeaders);
        event.setRequestContext(context);
        event.setBody(body);
        event.setIsBase64Encoded(false);
        return RestApiEventJson.write(event);
    }
}
