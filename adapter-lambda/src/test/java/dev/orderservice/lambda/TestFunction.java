package dev.orderservice.lambda;

import dev.orderservice.core.domain.OrderEvent;
import dev.orderservice.core.domain.OrderEventType;
import dev.orderservice.core.domain.OrderId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A Lambda function's component over the in-memory store, as {@code ORDERS_STORE=memory} builds it, with
 * handlers whose log lines are kept for the test to read.
 */
final class TestFunction {

    private final LambdaComponent component;
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final InvocationLog log;

    private TestFunction(Map<String, String> environment) {
        PrintStream logOutput = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
        this.log = new InvocationLog(logOutput, Clock.systemUTC());
        this.component = LambdaComponent.create(environment, log);
    }

    /** Returns a function on the in-memory store with the demo catalog that allows one CORS origin. */
    static TestFunction inMemory(String allowedOrigin) {
        return new TestFunction(Map.of("ORDERS_STORE", "memory", "CORS_ALLOWED_ORIGINS", allowedOrigin));
    }

    /** Returns a function configured by these variables on top of {@code ORDERS_STORE=memory}. */
    static TestFunction withEnvironment(Map<String, String> environment) {
        Map<String, String> withStore = new HashMap<>(environment);
        withStore.putIfAbsent("ORDERS_STORE", "memory");
        return new TestFunction(withStore);
    }

    LambdaComponent component() {
        return component;
    }

    HttpApiHandler httpApiHandler() {
        return new HttpApiHandler(component.api(), log);
    }

    RestApiHandler restApiHandler() {
        return new RestApiHandler(component.api(), log);
    }

    /** Moves a placed order to SHIPPED through the event intake, as the payment and shipping services would. */
    void moveToShipped(String orderId) {
        for (OrderEventType type : List.of(OrderEventType.PAYMENT_CAPTURED, OrderEventType.ORDER_SHIPPED)) {
            component.applyEvent().apply(new OrderEvent("evt-" + UUID.randomUUID(), type, new OrderId(orderId),
                    Instant.now()));
        }
    }

    /** Returns the log lines written so far. */
    List<String> logLines() {
        synchronized (logBytes) {
            String text = logBytes.toString(StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : List.of(text.split("\n"));
        }
    }
}
