package dev.orderservice.lambda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.orderservice.http.QueryString;
import dev.orderservice.http.contract.ApiClient.ApiRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the event a REST API's Lambda proxy integration (payload format 1.0) sends for a request, field by
 * field as API Gateway does: {@code path} still percent-encoded and without the stage, which
 * {@code requestContext.path} has; header names as the client sent them; the last value of each header and
 * query parameter in the single-value maps and all of them in the multi-value maps, query values decoded; null
 * maps where the request has none.
 */
final class RestApiEventWriter {

    private static final JsonFactory JSON = new JsonFactory();

    private final String stage;
    private final Map<String, String> cognitoClaims;
    private final boolean binaryBodies;

    private RestApiEventWriter(String stage, Map<String, String> cognitoClaims, boolean binaryBodies) {
        this.stage = stage;
        this.cognitoClaims = cognitoClaims;
        this.binaryBodies = binaryBodies;
    }

    /**
     * Returns a writer for the stage {@code prod} of an API whose binary media types include every type
     * ({@code *}{@code /*}), so that API Gateway passes every body in base64.
     */
    static RestApiEventWriter prodStage() {
        return new RestApiEventWriter("prod", null, true);
    }

    /** Returns a writer for an API without binary media types, which passes bodies as text. */
    RestApiEventWriter withTextBodies() {
        return new RestApiEventWriter(stage, cognitoClaims, false);
    }

    /** Returns a writer for a method with a Cognito user pool authorizer that verified these claims. */
    RestApiEventWriter withCognitoClaims(Map<String, String> claims) {
        return new RestApiEventWriter(stage, Map.copyOf(claims), binaryBodies);
    }

    String stage() {
        return stage;
    }

    byte[] write(ApiRequest request) {
        String path = Targets.rawPath(request.target());
        Map<String, List<String>> headers = headers(request);
        Map<String, List<String>> query = QueryString.parse(Targets.rawQuery(request.target()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeStringField("resource", "/{proxy+}");
            json.writeStringField("path", path);
            json.writeStringField("httpMethod", request.method());
            writeMaps(json, "headers", "multiValueHeaders", headers);
            writeMaps(json, "queryStringParameters", "multiValueQueryStringParameters", query);
            json.writeObjectFieldStart("pathParameters");
            json.writeStringField("proxy", Targets.decodePath(path).substring(1));
            json.writeEndObject();
            json.writeNullField("stageVariables");
            writeRequestContext(json, request.method(), path);
            writeBody(json, request);
            json.writeEndObject();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    private static Map<String, List<String>> headers(ApiRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of("abc123defg.execute-api.eu-west-1.amazonaws.com"));
        headers.put("User-Agent", List.of("contract-test/1.0"));
        headers.put("X-Forwarded-Proto", List.of("https"));
        headers.putAll(request.headers());
        return headers;
    }

    /** Writes the last value of each name in one map and every value in the other; both null when empty. */
    private static void writeMaps(JsonGenerator json, String singleName, String multiName,
            Map<String, List<String>> values) throws IOException {
        if (values.isEmpty()) {
            json.writeNullField(singleName);
            json.writeNullField(multiName);
            return;
        }
        json.writeObjectFieldStart(singleName);
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            json.writeStringField(entry.getKey(), entry.getValue().get(entry.getValue().size() - 1));
        }
        json.writeEndObject();
        json.writeObjectFieldStart(multiName);
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            json.writeArrayFieldStart(entry.getKey());
            for (String value : entry.getValue()) {
                json.writeString(value);
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    private void writeRequestContext(JsonGenerator json, String method, String path) throws IOException {
        json.writeObjectFieldStart("requestContext");
        json.writeStringField("resourceId", "2gxmpl");
        json.writeStringField("resourcePath", "/{proxy+}");
        json.writeStringField("httpMethod", method);
        json.writeStringField("extendedRequestId", "JJbxmFOYIAMFfnQ=");
        json.writeStringField("requestTime", "04/Dec/2026:19:00:00 +0000");
        json.writeStringField("path", "/" + stage + path);
        json.writeStringField("accountId", "123456789012");
        json.writeStringField("protocol", "HTTP/1.1");
        json.writeStringField("stage", stage);
        json.writeStringField("domainPrefix", "abc123defg");
        json.writeNumberField("requestTimeEpoch", 1796410800000L);
        json.writeStringField("requestId", UUID.randomUUID().toString());
        json.writeObjectFieldStart("identity");
        json.writeStringField("sourceIp", "198.51.100.7");
        json.writeStringField("userAgent", "contract-test/1.0");
        json.writeEndObject();
        if (cognitoClaims != null) {
            json.writeObjectFieldStart("authorizer");
            json.writeObjectFieldStart("claims");
            for (Map.Entry<String, String> claim : cognitoClaims.entrySet()) {
                json.writeStringField(claim.getKey(), claim.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeStringField("domainName", "abc123defg.execute-api.eu-west-1.amazonaws.com");
        json.writeStringField("apiId", "abc123defg");
        json.writeEndObject();
    }

    private void writeBody(JsonGenerator json, ApiRequest request) throws IOException {
        if (request.body().length == 0) {
            json.writeNullField("body");
            json.writeBooleanField("isBase64Encoded", false);
            return;
        }
        boolean base64 = binaryBodies || !Targets.isText(request.headers(), request.body());
        json.writeStringField("body", base64
                ? Base64.getEncoder().encodeToString(request.body())
                : new String(request.body(), StandardCharsets.UTF_8));
        json.writeBooleanField("isBase64Encoded", base64);
    }
}
