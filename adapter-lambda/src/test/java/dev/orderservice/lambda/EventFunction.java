package dev.orderservice.lambda;

import static dev.orderservice.core.port.out.contract.TestOrders.anOrder;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.orderservice.adapter.dynamodb.DynamoDbSettings;
import dev.orderservice.adapter.dynamodb.DynamoDbTestServer;
import dev.orderservice.core.application.ApplyOrderEventService;
import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.OrderId;
import dev.orderservice.core.port.in.ApplyOrderEventUseCase;
import dev.orderservice.core.port.out.OrderRepository;
import dev.orderservice.http.contract.JsonBody;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A Lambda function's component for the event handlers, on the in-memory store or on DynamoDB, with the three
 * placed orders that the fixtures under {@code events/sqs} and {@code events/kinesis} name, and an event log kept
 * for the test to read.
 */
final class EventFunction {

    static final OrderId ORDER_A = new OrderId("0b7e6a52-5d0c-4f3e-9a1b-2c3d4e5f6a01");
    static final OrderId ORDER_B = new OrderId("0b7e6a52-5d0c-4f3e-9a1b-2c3d4e5f6a02");
    static final OrderId ORDER_C = new OrderId("0b7e6a52-5d0c-4f3e-9a1b-2c3d4e5f6a03");
    /** The order that the fixtures name but no test places. */
    static final OrderId UNKNOWN_ORDER = new OrderId("0b7e6a52-5d0c-4f3e-9a1b-2c3d4e5f6a99");

    private final LambdaComponent component;
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final EventLog log = new EventLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8));

    private EventFunction(Map<String, String> environment) {
        InvocationLog settingsLog = new InvocationLog(new PrintStream(OutputStream.nullOutputStream()),
                Clock.systemUTC());
        this.component = LambdaComponent.create(environment, settingsLog);
        for (OrderId id : List.of(ORDER_A, ORDER_B, ORDER_C)) {
            component.orderRepository().createIfAbsent(anOrder().id(id).build(), "fixture-" + id);
        }
    }

    /** Returns a function with {@code ORDERS_STORE=memory}. */
    static EventFunction inMemory() {
        return new EventFunction(Map.of("ORDERS_STORE", "memory"));
    }

    /** Returns a function with {@code ORDERS_STORE=dynamodb} on the tables and endpoint of {@code tables}. */
    static EventFunction onDynamoDb(DynamoDbSettings tables) {
        return new EventFunction(dynamoDbEnvironment(tables));
    }

    /** Returns the variables that point a function at the tables and endpoint of {@code tables}. */
    static Map<String, String> dynamoDbEnvironment(DynamoDbSettings tables) {
        return Map.of(
                "ORDERS_STORE", "dynamodb",
                "ORDERS_TABLE", tables.ordersTable(),
                "PRODUCTS_TABLE", tables.productsTable(),
                "DYNAMODB_ENDPOINT", tables.endpoint().toString(),
                "AWS_REGION", tables.region().id(),
                "ORDERS_CURSOR_SECRET", DynamoDbTestServer.CURSOR_SECRET);
    }

    static SQSEvent sqsFixture(String name) {
        return EventLoader.loadSQSEvent("events/sqs/" + name);
    }

    static KinesisEvent kinesisFixture(String name) {
        return EventLoader.loadKinesisEvent("events/kinesis/" + name);
    }

    SqsEventHandler sqsHandler() {
        return new SqsEventHandler(component.applyEvent(), log);
    }

    /** Returns a handler whose use case works on {@code orders}, such as a wrapper of {@link #orders()}. */
    SqsEventHandler sqsHandler(OrderRepository orders) {
        return new SqsEventHandler(new ApplyOrderEventService(orders, Clock.systemUTC()), log);
    }

    SqsEventHandler sqsHandler(ApplyOrderEventUseCase applyEvent) {
        return new SqsEventHandler(applyEvent, log);
    }

    KinesisEventHandler kinesisHandler() {
        return new KinesisEventHandler(component.applyEvent(), log);
    }

    KinesisEventHandler kinesisHandler(OrderRepository orders) {
        return new KinesisEventHandler(new ApplyOrderEventService(orders, Clock.systemUTC()), log);
    }

    ApplyOrderEventUseCase applyEvent() {
        return component.applyEvent();
    }

    OrderRepository orders() {
        return component.orderRepository();
    }

    EventLog log() {
        return log;
    }

    /** Returns the order as stored now. */
    Order order(OrderId id) {
        return orders().findById(id).orElseThrow(() -> new AssertionError("order " + id + " is not stored"));
    }

    /** Returns the event log's lines so far, each parsed. */
    List<JsonBody> logLines() {
        return logText().lines().map(line -> JsonBody.parse(line.getBytes(StandardCharsets.UTF_8))).toList();
    }

    String logText() {
        synchronized (logBytes) {
            return logBytes.toString(StandardCharsets.UTF_8);
        }
    }

    /** Forgets the log lines so far, so that a test can read those of a second delivery alone. */
    void clearLog() {
        synchronized (logBytes) {
            logBytes.reset();
        }
    }
}
