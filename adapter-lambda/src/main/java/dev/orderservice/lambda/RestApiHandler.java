package dev.orderservice.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.orderservice.http.OrderHttpApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The Lambda handler behind an API Gateway REST API (payload format 1.0):
 * {@code dev.orderservice.lambda.RestApiHandler::handleRequest}.
 *
 * <p>It reads the event JSON and writes the response JSON itself, instead of letting the runtime map them to
 * objects by reflection, which is the larger part of a small function's cold start.
 */
public final class RestApiHandler implements RequestStreamHandler {

    private final ApiGatewayFunction function;

    /** Kept so that the priming resource lives until the snapshot; {@code null} for handlers built by tests. */
    private Priming priming;

    /**
     * Builds the handler as the Lambda runtime does: on the execution environment's component, configured by
     * environment variables, with priming registered for a SnapStart snapshot.
     */
    public RestApiHandler() {
        this(ExecutionEnvironment.component().api(), ExecutionEnvironment.log());
        this.priming = Priming.register(function);
    }

    /** Builds a handler on an API that the caller has built, such as over an in-memory store in a test. */
    public RestApiHandler(OrderHttpApi api) {
        this(api, InvocationLog.toStandardOutput());
    }

    RestApiHandler(OrderHttpApi api, InvocationLog log) {
        this.function = new ApiGatewayFunction(api, RestApiEvents.FORMAT, log);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        function.serve(input, output, context);
    }

    ApiGatewayFunction function() {
        return function;
    }
}
