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
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the event an HTTP API with payload format 2.0 sends for a request, field by field as API Gateway does:
 * {@code rawPath} percent-decoded and behind a named stage, header names in lower case with repeated values
 * joined by commas, {@code rawQueryString} as sent beside the comma-joined {@code queryStringParameters}, and
 * a body that is not JSON or text in base64.
 */
final class HttpApiEventWriter {

    private static final JsonFactory JSON = new JsonFactory();

    private final String stage;
    private final Map<String, String> jwtClaims;

    private HttpApiEventWriter(String stage, Map<String, String> jwtClaims) {
        this.stage = stage;
        this.jwtClaims = jwtClaims;
    }

    /** Returns a writer for the {@code $default} stage, whose paths have no stage segment, without authorizer. */
    static HttpApiEventWriter defaultStage() {
        return new HttpApiEventWriter("$default", null);
    }

    HttpApiEventWriter onStage(String namedStage) {
        return new HttpApiEventWriter(namedStage, jwtClaims);
    }

    /** Returns a writer for a route with a JWT authorizer that verified these claims. */
    HttpApiEventWriter withJwtClaims(Map<String, String> claims) {
        return new HttpApiEventWriter(stage, Map.copyOf(claims));
    }

    byte[] write(ApiRequest request) {
        String stagePath = stage.equals("$default") ? "" : "/" + stage;
        String rawPath = stagePath + Targets.decodePath(Targets.rawPath(request.target()));
        String rawQuery = Targets.rawQuery(request.target());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeStringField("version", "2.0");
            json.writeStringField("routeKey", "$default");
            json.writeStringField("rawPath", rawPath);
            json.writeStringField("rawQueryString", rawQuery);
            writeHeaders(json, request);
            if (!rawQuery.isEmpty()) {
                writeJoinedQuery(json, rawQuery);
            }
            writeRequestContext(json, request.method(), rawPath);
            writeBody(json, request);
            json.writeEndObject();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    private static void writeHeaders(JsonGenerator json, ApiRequest request) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", "abc123defg.execute-api.eu-west-1.amazonaws.com");
        headers.put("user-agent", "contract-test/1.0");
        headers.put("x-forwarded-proto", "https");
        if (request.body().length > 0) {
            headers.put("content-length", Integer.toString(request.body().length));
        }
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            headers.merge(header.getKey().toLowerCase(Locale.ROOT), String.join(",", header.getValue()),
                    (first, second) -> first + "," + second);
        }
        json.writeObjectFieldStart("headers");
        for (Map.Entry<String, String> header : headers.entrySet()) {
            json.writeStringField(header.getKey(), header.getValue());
        }
        json.writeEndObject();
    }

    private static void writeJoinedQuery(JsonGenerator json, String rawQuery) throws IOException {
        json.writeObjectFieldStart("queryStringParameters");
        for (Map.Entry<String, List<String>> parameter : QueryString.parse(rawQuery).entrySet()) {
            json.writeStringField(parameter.getKey(), String.join(",", parameter.getValue()));
        }
        json.writeEndObject();
    }

    private void writeRequestContext(JsonGenerator json, String method, String rawPath) throws IOException {
        json.writeObjectFieldStart("requestContext");
        json.writeStringField("accountId", "123456789012");
        json.writeStringField("apiId", "abc123defg");
        if (jwtClaims != null) {
            json.writeObjectFieldStart("authorizer");
            json.writeObjectFieldStart("jwt");
            json.writeObjectFieldStart("claims");
            for (Map.Entry<String, String> claim : jwtClaims.entrySet()) {
                json.writeStringField(claim.getKey(), claim.getValue());
            }
            json.writeEndObject();
            json.writeArrayFieldStart("scopes");
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeStringField("domainName", "abc123defg.execute-api.eu-west-1.amazonaws.com");
        json.writeStringField("domainPrefix", "abc123defg");
        json.writeObjectFieldStart("http");
        json.writeStringField("method", method);
        json.writeStringField("path", rawPath);
        json.writeStringField("protocol", "HTTP/1.1");
        json.writeStringField("sourceIp", "198.51.100.7");
        json.writeStringField("userAgent", "contract-test/1.0");
        json.writeEndObject();
        json.writeStringField("requestId", UUID.randomUUID().toString().substring(0, 14));
        json.writeStringField("routeKey", "$default");
        json.writeStringField("stage", stage);
        json.writeStringField("time", "04/Dec/2026:19:00:00 +0000");
        json.writeNumberField("timeEpoch", 1796410800000L);
        json.writeEndObject();
    }

    private static void writeBody(JsonGenerator json, ApiRequest request) throws IOException {
        if (request.body().length == 0) {
            json.writeBooleanField("isBase64Encoded", false);
            return;
        }
        boolean text = Targets.isText(request.headers(), request.body());
        json.writeStringField("body", text
                ? new String(request.body(), StandardCharsets.UTF_8)
                : Base64.getEncoder().encodeToString(request.body()));
        json.writeBooleanField("isBase64Encoded", !text);
    }
}
