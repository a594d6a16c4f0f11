package dev.orderservice.lambda.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;

/**
 * The usual first Lambda function behind an HTTP API, which returns a constant. It is typed on the events
 * library's payload 2.0 classes, so the runtime deserializes the event and serializes the response. The
 * cold-start benchmark compares the order service with it.
 */
public final class HelloWorldHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    static final String HANDLER = HelloWorldHandler.class.getName() + "::handleRequest";

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody("{\"message\":\"hello, world\"}")
                .build();
    }
}
