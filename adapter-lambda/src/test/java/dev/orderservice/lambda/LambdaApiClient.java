package dev.orderservice.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.orderservice.http.contract.ApiClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An {@link ApiClient} that turns each request into the API Gateway event, runs it through a handler's
 * {@code handleRequest}, and reads the handler's response document back as API Gateway does.
 *
 * <p>The response is parsed with AWS's own serialization of the events library's response types, so a field
 * that the handler misspells is lost here as it would be on AWS.
 */
final class LambdaApiClient implements ApiClient {

    private static final PojoSerializer<APIGatewayV2HTTPResponse> HTTP_API_RESPONSES =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class, LambdaApiClient.class.getClassLoader());
    private static final PojoSerializer<APIGatewayProxyResponseEvent> REST_API_RESPONSES =
            LambdaEventSerializers.serializerFor(APIGatewayProxyResponseEvent.class,
                    LambdaApiClient.class.getClassLoader());

    private final RequestStreamHandler handler;
    private final Function<ApiRequest, byte[]> events;
    private final Function<byte[], ApiResponse> responses;

    private LambdaApiClient(RequestStreamHandler handler, Function<ApiRequest, byte[]> events,
            Function<byte[], ApiResponse> responses) {
        this.handler = handler;
        this.events = events;
        this.responses = responses;
    }

    /** Returns a client of an HTTP API with payload format 2.0 in front of the handler. */
    static LambdaApiClient httpApi(RequestStreamHandler handler, HttpApiEventWriter events) {
        return new LambdaApiClient(handler, events::write, LambdaApiClient::readHttpApiResponse);
    }

    /**
     * Returns a client of a REST API in front of the handler, whose base URL includes the stage, as the API's
     * own host has it: a {@code Location} of {@code /prod/orders/1} is returned as {@code /orders/1}, like the
     * paths that the client sends.
     */
    static LambdaApiClient restApi(RequestStreamHandler handler, RestApiEventWriter events) {
        String stagePrefix = "/" + events.stage();
        return new LambdaApiClient(handler, events::write,
                output -> relativeToStage(readRestApiResponse(output), stagePrefix));
    }

    @Override
    public ApiResponse send(ApiRequest request) {
        return responses.apply(invoke(events.apply(request)));
    }

    /** Runs one event through the handler and returns its response document. */
    byte[] invoke(byte[] event) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), output, TestContext.random());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return output.toByteArray();
    }

    static ApiResponse readHttpApiResponse(byte[] output) {
        APIGatewayV2HTTPResponse response = HTTP_API_RESPONSES.fromJson(new ByteArrayInputStream(output));
        return new ApiResponse(response.getStatusCode(), lists(response.getHeaders(), response.getMultiValueHeaders()),
                body(response.getBody(), response.getIsBase64Encoded()));
    }

    static ApiResponse readRestApiResponse(byte[] output) {
        APIGatewayProxyResponseEvent response = REST_API_RESPONSES.fromJson(new ByteArrayInputStream(output));
        return new ApiResponse(response.getStatusCode(), lists(response.getHeaders(), response.getMultiValueHeaders()),
                body(response.getBody(), Boolean.TRUE.equals(response.getIsBase64Encoded())));
    }

    private static Map<String, List<String>> lists(Map<String, String> headers, Map<String, List<String>> multiValue) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> lists.put(name, List.of(value)));
        }
        if (multiValue != null) {
            lists.putAll(multiValue);
        }
        return lists;
    }

    private static byte[] body(String body, boolean base64) {
        if (body == null) {
            return new byte[0];
        }
        return base64 ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    }

    private static ApiResponse relativeToStage(ApiResponse response, String stagePrefix) {
        String location = response.header("Location").orElse(null);
        if (location == null || !location.startsWith(stagePrefix + "/")) {
            return response;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>(response.headers());
        headers.keySet().removeIf(name -> name.equalsIgnoreCase("Location"));
        headers.put("Location", List.of(location.substring(stagePrefix.length())));
        return new ApiResponse(response.status(), headers, response.body());
    }
}
