package dev.orderservice.lambda.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;

/** A handler whose constructor throws, as one with a missing setting would, to test how the runtime reports it. */
public final class FailingInitHandler implements RequestStreamHandler {

    static final String HANDLER = FailingInitHandler.class.getName() + "::handleRequest";

    public FailingInitHandler() {
        throw new IllegalStateException("ORDERS_TABLE is not set");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        throw new AssertionError("never constructed");
    }
}
