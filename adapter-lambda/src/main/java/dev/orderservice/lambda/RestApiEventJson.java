package dev.orderservice.lambda;

import static dev.orderservice.lambda.EventJson.JSON;
import static dev.orderservice.lambda.EventJson.readBoolean;
import static dev.orderservice.lambda.EventJson.readMultiValueMap;
import static dev.orderservice.lambda.EventJson.readObject;
import static dev.orderservice.lambda.EventJson.readString;
import static dev.orderservice.lambda.EventJson.readStringMap;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of a REST API's payload format 1.0: the event into {@link APIGatewayProxyRequestEvent}, reading only
 * the fields the handler uses, and {@link APIGatewayProxyResponseEvent} out.
 */
final class RestApiEventJson {

    private RestApiEventJson() {
    }

    static APIGatewayProxyRequestEvent read(InputStream input) throws IOException {
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent();
        try (JsonParser parser = JSON.createParser(input)) {
            parser.nextToken();
            readObject(parser, (name, value) -> {
                switch (name) {
                    case "httpMethod" -> event.setHttpMethod(readString(value));
                    case "path" -> event.setPath(readString(value));
                    case "headers" -> event.setHeaders(readStringMap(value));
                    case "multiValueHeaders" -> event.setMultiValueHeaders(readMultiValueMap(value));
                    case "queryStringParameters" -> event.setQueryStringParameters(readStringMap(value));
                    case "multiValueQueryStringParameters" ->
                            event.setMultiValueQueryStringParameters(readMultiValueMap(value));
                    case "body" -> event.setBody(readString(value));
                    case "isBase64Encoded" -> event.setIsBase64Encoded(readBoolean(value));
                    case "requestContext" -> event.setRequestContext(readRequestContext(value));
                    default -> value.skipChildren();
                }
            });
        }
        return event;
    }

    private static ProxyRequestContext readRequestContext(JsonParser parser) throws IOException {
        ProxyRequestContext context = new ProxyRequestContext();
        readObject(parser, (name, value) -> {
            switch (name) {
                case "stage" -> context.setStage(readString(value));
                case "path" -> context.setPath(readString(value));
                case "requestId" -> context.setRequestId(readString(value));
                case "authorizer" -> context.setAuthorizer(readAuthorizer(value));
                default -> value.skipChildren();
            }
        });
        return context;
    }

    /**
     * Reads a Cognito authorizer's {@code claims}; the other fields, such as a Lambda authorizer's context, are
     * skipped.
     */
    private static Map<String, Object> readAuthorizer(JsonParser parser) throws IOException {
        Map<String, Object> authorizer = new LinkedHashMap<>();
        readObject(parser, (name, value) -> {
            if (name.equals("claims")) {
                Map<String, String> claims = readStringMap(value);
                if (claims != null) {
                    authorizer.put(name, claims);
                }
            } else {
                value.skipChildren();
            }
        });
        return authorizer;
    }

    static void write(APIGatewayProxyResponseEvent response, OutputStream output) throws IOException {
        try (JsonGenerator generator = JSON.createGenerator(output)) {
            generator.writeStartObject();
            generator.writeNumberField("statusCode", response.getStatusCode());
            EventJson.writeStringMap(generator, "headers", response.getHeaders());
            generator.writeStringField("body", response.getBody());
            generator.writeBooleanField("isBase64Encoded", Boolean.TRUE.equals(response.getIsBase64Encoded()));
            generator.writeEndObject();
        }
    }

    /** Writes the fields of an event that {@link #read} uses, as API Gateway spells them. */
    static byte[] write(APIGatewayProxyRequestEvent event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator generator = JSON.createGenerator(bytes)) {
            generator.writeStartObject();
            generator.writeStringField("httpMethod", event.getHttpMethod());
            generator.writeStringField("path", event.getPath());
            EventJson.writeStringMap(generator, "headers", event.getHeaders());
            generator.writeObjectFieldStart("multiValueHeaders");
            for (Map.Entry<String, List<String>> header : event.getMultiValueHeaders().entrySet()) {
                generator.writeArrayFieldStart(header.getKey());
                for (String value : header.getValue()) {
                    generator.writeString(value);
                }
                generator.writeEndArray();
            }
            generator.writeEndObject();
            generator.writeObjectFieldStart("requestContext");
            generator.writeStringField("requestId", event.getRequestContext().getRequestId());
            generator.writeStringField("stage", event.getRequestContext().getStage());
            generator.writeStringField("path", event.getRequestContext().getPath());
            generator.writeEndObject();
            generator.writeStringField("body", event.getBody());
            generator.writeBooleanField("isBase64Encoded", Boolean.TRUE.equals(event.getIsBase64Encoded()));
            generator.writeEndObject();
        } catch (IOException impossible) {
            // A ByteArrayOutputStream does not throw.
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }
}
