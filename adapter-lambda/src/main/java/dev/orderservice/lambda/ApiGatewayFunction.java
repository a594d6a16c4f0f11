package dev.orderservice.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import dev.orderservice.http.HttpRequest;
import dev.orderservice.http.OrderHttpApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Serves one invocation: reads the event, calls the shared API, writes the response, logs one line. */
final class ApiGatewayFunction {

    private final OrderHttpApi api;
    private final EventFormat format;
    private final InvocationLog log;

    ApiGatewayFunction(OrderHttpApi api, EventFormat format, InvocationLog log) {
        this.api = api;
        this.format = format;
        this.log = log;
    }

    void serve(InputStream event, OutputStream output, Context context) throws IOException {
        long started = System.nanoTime();

        Exchange exchange = respond(event);
        format.writeResponse(exchange.status(), exchange.headers(), exchange.body(), output);

        log.record(context == null ? null : context.getAwsRequestId(), exchange, System.nanoTime() - started);
    }

    /** Responds to an event without writing or logging anything; an event that cannot be read gets a 500. */
    Exchange respond(InputStream event) {
        HttpRequest request;
        try {
            request = format.readRequest(event);
        } catch (IOException | RuntimeException unreadable) {
            return Exchange.unreadableEvent(unreadable);
        }
        return Exchange.of(request, api.handle(request));
    }

    EventFormat format() {
        return format;
    }

    InvocationLog log() {
        return log;
    }
}
