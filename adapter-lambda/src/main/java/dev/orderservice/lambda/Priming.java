package dev.orderservice.lambda;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Runs the request path once before Lambda SnapStart takes its snapshot, so that a restored environment starts
 * with the classes loaded and the code warmed instead of doing that on its first request.
 *
 * <p>Priming writes nothing: a GET of a random order id reads one item and gets a 404, and a POST of an order
 * with an unknown SKU reads the catalog and gets a 422 before anything is stored. Neither writes a response or
 * a log line, and neither counts as the environment's cold start. Outside SnapStart and CRaC, the registration
 * does nothing.
 */
final class Priming implements Resource {

    /** A SKU that no catalog has, so the POST is rejected after the catalog lookup. */
    static final String UNKNOWN_SKU = "PRIMING-UNKNOWN-SKU";

    private final ApiGatewayFunction function;

    Priming(ApiGatewayFunction function) {
        this.function = function;
    }

    /**
     * Registers priming for the function. The caller must keep the returned resource, because org.crac's
     * context holds resources weakly and would let an unreferenced one be collected before the checkpoint.
     */
    static Priming register(ApiGatewayFunction function) {
        Priming priming = new Priming(function);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to renew: the SDK reopens connections as it needs them.
    }

    void prime() {
        EventFormat format = function.format();
        send(format.sampleEvent("GET", "/orders/" + UUID.randomUUID(), null, null), 404);
        send(format.sampleEvent("POST", "/orders", "application/json; charset=utf-8",
                "{\"customerId\":\"priming\",\"items\":[{\"sku\":\"" + UNKNOWN_SKU + "\",\"quantity\":1}]}"), 422);
    }

    private void send(byte[] event, int expectedStatus) {
        Exchange exchange = function.respond(new ByteArrayInputStream(event));
        try {
            function.format().writeResponse(exchange.status(), exchange.headers(), exchange.body(),
                    OutputStream.nullOutputStream());
        } catch (IOException impossible) {
            // The null stream does not throw.
        }
        if (exchange.status() != expectedStatus) {
            function.log().warning("priming " + exchange.method() + " " + exchange.path() + " answered "
                    + exchange.status() + " instead of " + expectedStatus + ", so the snapshot may hold less"
                    + " warmed code; check the store's settings and permissions");
        }
    }
}
