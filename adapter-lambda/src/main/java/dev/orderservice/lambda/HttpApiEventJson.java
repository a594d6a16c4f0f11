package dev.orderservice.lambda;

import static dev.orderservice.lambda.EventJson.JSON;
import static dev.orderservice.lambda.EventJson.readBoolean;
import static dev.orderservice.lambda.EventJson.readObject;
import static dev.orderservice.lambda.EventJson.readString;
import static dev.orderservice.lambda.EventJson.readStringList;
import static dev.orderservice.lambda.EventJson.readStringMap;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.Authorizer;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.Http;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The JSON of an HTTP API's payload format 2.0: the event into {@link APIGatewayV2HTTPEvent}, reading only the
 * fields the handler uses, and {@link APIGatewayV2HTTPResponse} out.
 */
final class HttpApiEventJson {

    private HttpApiEventJson() {
    }

    static APIGatewayV2HTTPEvent read(InputStream input) throws IOException {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        try (JsonParser parser = JSON.createParser(input)) {
            parser.nextToken();
            readObject(parser, (name, value) -> {
                switch (name) {
                    case "version" -> event.setVersion(readString(value));
                    case "rawPath" -> event.setRawPath(readString(value));
                    case "rawQueryString" -> event.setRawQueryString(readString(value));
                    case "headers" -> event.setHeaders(readStringMap(value));
                    case "queryStringParameters" -> event.setQueryStringParameters(readStringMap(value));
                    case "body" -> event.setBody(readString(value));
                    case "isBase64Encoded" -> event.setIsBase64Encoded(readBoolean(value));
                    case "requestContext" -> event.setRequestContext(readRequestContext(value));
                    default -> value.skipChildren();
                }
            });
        }
        return event;
    }

    private static RequestContext readRequestContext(JsonParser parser) throws IOException {
        RequestContext context = new RequestContext();
        readObject(parser, (name, value) -> {
            switch (name) {
                case "stage" -> context.setStage(readString(value));
                case "requestId" -> context.setRequestId(readString(value));
                case "http" -> context.setHttp(readHttp(value));
                case "authorizer" -> context.setAuthorizer(readAuthorizer(value));
                default -> value.skipChildren();
            }
        });
        return context;
    }

    private static Http readHttp(JsonParser parser) throws IOException {
        Http http = new Http();
        readObject(parser, (name, value) -> {
            switch (name) {
                case "method" -> http.setMethod(readString(value));
                case "path" -> http.setPath(readString(value));
                default -> value.skipChildren();
            }
        });
        return http;
    }

    /** Reads a JWT authorizer's claims; a Lambda or IAM authorizer's fields are skipped. */
    private static Authorizer readAuthorizer(JsonParser parser) throws IOException {
        Authorizer authorizer = new Authorizer();
        readObject(parser, (name, value) -> {
            if (name.equals("jwt")) {
                authorizer.setJwt(readJwt(value));
            } else {
                value.skipChildren();
            }
        });
        return authorizer;
    }

    private static JWT readJwt(JsonParser parser) throws IOException {
        JWT jwt = new JWT();
        readObject(parser, (name, value) -> {
            switch (name) {
                case "claims" -> jwt.setClaims(readStringMap(value));
                case "scopes" -> jwt.setScopes(readStringList(value));
                default -> value.skipChildren();
            }
        });
        return jwt;
    }

    static void write(APIGatewayV2HTTPResponse response, OutputStream output) throws IOException {
        try (JsonGenerator generator = JSON.createGenerator(output)) {
            generator.writeStartObject();
            generator.writeNumberField("statusCode", response.getStatusCode());
            EventJson.writeStringMap(generator, "headers", response.getHeaders());
            generator.writeStringField("body", response.getBody());
            generator.writeBooleanField("isBase64Encoded", response.getIsBase64Encoded());
            generator.writeEndObject();
        }
    }

    /** Writes the fields of an event that {@link #read} uses, as API Gateway spells them. */
    static byte[] write(APIGatewayV2HTTPEvent event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator generator = JSON.createGenerator(bytes)) {
            generator.writeStartObject();
            generator.writeStringField("version", "2.0");
            generator.writeStringField("rawPath", event.getRawPath());
            generator.writeStringField("rawQueryString", event.getRawQueryString());
            EventJson.writeStringMap(generator, "headers", event.getHeaders());
            generator.writeObjectFieldStart("requestContext");
            generator.writeStringField("requestId", event.getRequestContext().getRequestId());
            generator.writeStringField("stage", event.getRequestContext().getStage());
            generator.writeObjectFieldStart("http");
            generator.writeStringField("method", event.getRequestContext().getHttp().getMethod());
            generator.writeStringField("path", event.getRequestContext().getHttp().getPath());
            generator.writeEndObject();
            generator.writeEndObject();
            generator.writeStringField("body", event.getBody());
            generator.writeBooleanField("isBase64Encoded", event.getIsBase64Encoded());
            generator.writeEndObject();
        } catch (IOException impossible) {
            // A ByteArrayOutputStream does not throw.
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }
}
