package dev.orderservice.lambda.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The JSON events that API Gateway sends to a Lambda proxy integration for one HTTP request, in the shape of
 * payload format 2.0 (HTTP API) and 1.0 (REST API), for an API whose routes are {@code ANY /} and
 * {@code ANY /{proxy+}} as in template.yaml. Field names, their order, and the nulls of a request without
 * query or body follow the examples in API Gateway's developer guide.
 */
final class ApiGatewayEvents {

    static final String ACCOUNT_ID = "123456789012";
    static final String API_ID = "a1b2c3d4e5";
    static final String REGION = "eu-west-1";
    static final String DOMAIN_NAME = API_ID + ".execute-api." + REGION + ".amazonaws.com";
    static final String SOURCE_IP = "203.0.113.7";
    static final String USER_AGENT = "curl/8.5.0";
    static final String REST_STAGE = "prod";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private ApiGatewayEvents() {
    }

    /**
     * Returns the payload 2.0 event of an HTTP API on its {@code $default} stage.
     *
     * @param rawQuery the query string without {@code ?}, or empty
     * @param headers request headers, which API Gateway passes on with lower-case names
     * @param body the request body, or {@code null} for none
     */
    static byte[] httpApi(String method, String path, String rawQuery, Map<String, String> headers, String body) {
        String routeKey = path.equals("/") ? "ANY /" : "ANY /{proxy+}";
        Instant now = Instant.now();

        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", path);
        event.put("rawQueryString", rawQuery);
        event.put("headers", lowerCaseHeaders(headers, body));
        if (!rawQuery.isEmpty()) {
            event.put("queryStringParameters", joinedQueryParameters(rawQuery));
        }
        event.put("requestContext", httpApiContext(method, path, routeKey, now));
        if (!path.equals("/")) {
            event.put("pathParameters", Map.of("proxy", path.substring(1)));
        }
        if (body != null) {
            event.put("body", body);
        }
        event.put("isBase64Encoded", false);
        return write(event);
    }

    /**
     * Returns the payload 1.0 event of a REST API on stage {@code prod}.
     *
     * @param rawQuery the query string without {@code ?}, or empty
     * @param headers request headers, which API Gateway passes on in the case the client sent
     * @param body the request body, or {@code null} for none
     */
    static byte[] restApi(String method, String path, String rawQuery, Map<String, String> headers, String body) {
        String resource = path.equals("/") ? "/" : "/{proxy+}";
        Map<String, String> allHeaders = restHeaders(headers, body);
        Map<String, List<String>> multiValueHeaders = new LinkedHashMap<>();
        allHeaders.forEach((name, value) -> multiValueHeaders.put(name, List.of(value)));
        Map<String, List<String>> multiValueQuery = multiValueQueryParameters(rawQuery);
        Map<String, String> lastValueQuery = new LinkedHashMap<>();
        multiValueQuery.forEach((name, values) -> lastValueQuery.put(name, values.get(values.size() - 1)));

        Map<String, Object> event = new LinkedHashMap<>();
        event.put("resource", resource);
        event.put("path", path);
        event.put("httpMethod", method);
        event.put("headers", allHeaders);
        event.put("multiValueHeaders", multiValueHeaders);
        event.put("queryStringParameters", lastValueQuery.isEmpty() ? null : lastValueQuery);
        event.put("multiValueQueryStringParameters", multiValueQuery.isEmpty() ? null : multiValueQuery);
        event.put("pathParameters", path.equals("/") ? null : Map.of("proxy", path.substring(1)));
        event.put("stageVariables", null);
        event.put("requestContext", restApiContext(method, path, resource, Instant.now()));
        event.put("body", body);
        event.put("isBase64Encoded", false);
        return write(event);
    }

    private static Map<String, Object> httpApiContext(String method, String path, String routeKey, Instant now) {
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("method", method);
        http.put("path", path);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", SOURCE_IP);
        http.put("userAgent", USER_AGENT);

        Map<String, Object> context = new LinkedHashMap<>();
        context.put("accountId", ACCOUNT_ID);
        context.put("apiId", API_ID);
        context.put("domainName", DOMAIN_NAME);
        context.put("domainPrefix", API_ID);
        context.put("http", http);
        context.put("requestId", UUID.randomUUID().toString().substring(0, 18).replace("-", "") + "=");
        context.put("routeKey", routeKey);
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        return context;
    }

    private static Map<String, Object> restApiContext(String method, String path, String resource, Instant now) {
        Map<String, Object> identity = new LinkedHashMap<>();
        for (String absent : List.of("cognitoIdentityPoolId", "accountId", "cognitoIdentityId", "caller",
                "principalOrgId", "accessKey", "cognitoAuthenticationType", "cognitoAuthenticationProvider",
                "userArn", "user")) {
            identity.put(absent, null);
        }
        identity.put("sourceIp", SOURCE_IP);
        identity.put("userAgent", USER_AGENT);

        Map<String, Object> context = new LinkedHashMap<>();
        context.put("resourceId", "x1y2z3");
        context.put("resourcePath", resource);
        context.put("httpMethod", method);
        context.put("extendedRequestId", UUID.randomUUID().toString().substring(0, 16) + "=");
        context.put("requestTime", REQUEST_TIME.format(now));
        context.put("path", "/" + REST_STAGE + path);
        context.put("accountId", ACCOUNT_ID);
        context.put("protocol", "HTTP/1.1");
        context.put("stage", REST_STAGE);
        context.put("domainPrefix", API_ID);
        context.put("requestTimeEpoch", now.toEpochMilli());
        context.put("requestId", UUID.randomUUID().toString());
        context.put("identity", identity);
        context.put("domainName", DOMAIN_NAME);
        context.put("deploymentId", "d3p10y");
        context.put("apiId", API_ID);
        return context;
    }

    private static Map<String, String> lowerCaseHeaders(Map<String, String> headers, String body) {
        Map<String, String> all = new LinkedHashMap<>();
        headers.forEach((name, value) -> all.put(name.toLowerCase(Locale.ROOT), value));
        if (body != null) {
            all.put("content-length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
        }
        all.put("host", DOMAIN_NAME);
        all.put("user-agent", USER_AGENT);
        all.put("x-amzn-trace-id", "Root=1-" + Long.toHexString(Instant.now().getEpochSecond()) + "-"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 24));
        all.put("x-forwarded-for", SOURCE_IP);
        all.put("x-forwarded-port", "443");
        all.put("x-forwarded-proto", "https");
        return all;
    }

    private static Map<String, String> restHeaders(Map<String, String> headers, String body) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (body != null) {
            all.put("Content-Length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
        }
        all.put("Host", DOMAIN_NAME);
        all.put("User-Agent", USER_AGENT);
        all.put("X-Amzn-Trace-Id", "Root=1-" + Long.toHexString(Instant.now().getEpochSecond()) + "-"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 24));
        all.put("X-Forwarded-For", SOURCE_IP);
        all.put("X-Forwarded-Port", "443");
        all.put("X-Forwarded-Proto", "https");
        return all;
    }

    /** Returns the 2.0 query map, where API Gateway joins the values of a repeated parameter with commas. */
    private static Map<String, String> joinedQueryParameters(String rawQuery) {
        Map<String, String> joined = new LinkedHashMap<>();
        multiValueQueryParameters(rawQuery).forEach((name, values) -> joined.put(name, String.join(",", values)));
        return joined;
    }

    private static Map<String, List<String>> multiValueQueryParameters(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.computeIfAbsent(decode(name), key -> new ArrayList<>()).add(decode(value));
        }
        return parameters;
    }

    private static String decode(String component) {
        return URLDecoder.decode(component, StandardCharsets.UTF_8);
    }

    private static byte[] write(Map<String, Object> event) {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("maps of strings always serialize", impossible);
        }
    }
}
