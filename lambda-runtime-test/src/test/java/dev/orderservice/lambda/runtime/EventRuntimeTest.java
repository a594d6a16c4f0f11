package dev.orderservice.lambda.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderservice.adapter.dynamodb.DynamoDbSettings;
import dev.orderservice.adapter.dynamodb.DynamoDbStore;
import dev.orderservice.adapter.dynamodb.DynamoDbTestServer;
import dev.orderservice.core.domain.CustomerId;
import dev.orderservice.core.domain.Money;
import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.OrderId;
import dev.orderservice.core.domain.OrderLine;
import dev.orderservice.core.domain.OrderStatus;
import dev.orderservice.core.domain.PricingPolicy;
import dev.orderservice.core.domain.Sku;
import dev.orderservice.lambda.runtime.RuntimeApiServer.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs both event functions of template.yaml from orders-lambda.zip inside AWS's Java runtime interface client,
 * on dynalite. The client maps the SQS and Kinesis batch JSON to the typed events and the handlers' responses
 * back to JSON itself, so a pass shows that partial batch failures reach Lambda in the shape it reads.
 */
class EventRuntimeTest {

    @RegisterExtension
    static final DynamoDbTestServer dynamoDb = new DynamoDbTestServer();

    /** A wide margin, because the first invocation of a cold JVM takes a second or more in these tests. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);
    /** The batches that adapter-lambda's handler tests use, as Lambda delivers them. */
    private static final Path FIXTURES = BuildFiles.samTemplate().getParent()
            .resolve("adapter-lambda/src/test/resources/events");
    private static final OrderId ORDER_A = new OrderId("0b7e6a52-5d0c-4f3e-9a1b-2c3d4e5f6a01");
    private static final OrderId ORDER_B = new OrderId("0b7e6a52-5d0c-4f3e-9a1b-2c3d4e5f6a02");
    private static final OrderId ORDER_C = new OrderId("0b7e6a52-5d0c-4f3e-9a1b-2c3d4e5f6a03");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SamTemplate template;
    private static LambdaPackage orders;

    @BeforeAll
    static void unpackFunction() {
        template = SamTemplate.load(BuildFiles.samTemplate());
        orders = LambdaPackage.unzip(BuildFiles.lambdaZip(), BuildFiles.workDirectory("event-runtime-task"));
    }

    @Test
    void queue_function_reports_failed_messages() throws Exception {
        byte[] batch = Files.readAllBytes(FIXTURES.resolve("sqs/standard-batch.json"));
        DynamoDbSettings tables = tablesWithFixtureOrders();

        JsonNode response = invoke("EventQueueFunction", tables, batch);

        JsonNode messages = JSON.readTree(batch).path("Records");
        assertThat(itemIdentifiers(response)).containsExactly(messages.get(1).path("messageId").asText(),
                messages.get(2).path("messageId").asText(), messages.get(3).path("messageId").asText());
        assertThat(status(tables, ORDER_A)).isEqualTo(OrderStatus.PAID);
        assertThat(status(tables, ORDER_B)).isEqualTo(OrderStatus.CANCELLED);
        assertThat(status(tables, ORDER_C)).isEqualTo(OrderStatus.PLACED);
    }

    @Test
    void stream_function_reports_first_failed_record() throws Exception {
        byte[] batch = Files.readAllBytes(FIXTURES.resolve("kinesis/batch.json"));
        DynamoDbSettings tables = tablesWithFixtureOrders();

        JsonNode response = invoke("EventStreamFunction", tables, batch);

        String third = JSON.readTree(batch).path("Records").get(2).path("kinesis").path("sequenceNumber").asText();
        assertThat(itemIdentifiers(response)).containsExactly(third);
        assertThat(status(tables, ORDER_A)).isEqualTo(OrderStatus.PAID);
        assertThat(status(tables, ORDER_B)).isEqualTo(OrderStatus.PAID);
        assertThat(status(tables, ORDER_C)).isEqualTo(OrderStatus.PLACED);
    }

    /** Runs one batch through the function in a child JVM and returns the response that Lambda would read. */
    private static JsonNode invoke(String functionId, DynamoDbSettings tables, byte[] batch) throws Exception {
        Path log = BuildFiles.workDirectory("event-runtime-logs").resolve(functionId + "-" + System.nanoTime()
                + ".log");
        try (RuntimeApiServer runtimeApi = RuntimeApiServer.start(RuntimeInterfaceClientProcess.functionArn(),
                Duration.ofSeconds(20));
                RuntimeInterfaceClientProcess runtime = RuntimeInterfaceClientProcess.start(orders,
                        FunctionFixture.handler(template, functionId),
                        FunctionFixture.environment(template, functionId, tables), runtimeApi.address(), log)) {
            Result result = runtimeApi.invoke(batch).await(ANSWER_TIMEOUT);

            assertThat(result.error()).as("the function failed; its output:%n%s%n%s", result.bodyText(),
                    runtime.output()).isFalse();
            assertThat(runtimeApi.initErrors()).isEmpty();
            return JSON.readTree(result.body());
        }
    }

    private static List<String> itemIdentifiers(JsonNode response) {
        assertThat(response.size()).as("fields of %s", response).isEqualTo(1);
        List<String> identifiers = new ArrayList<>();
        response.path("batchItemFailures").forEach(failure -> identifiers.add(failure.path("itemIdentifier").asText()));
        return identifiers;
    }

    /** Creates fresh tables with the fixtures' orders A, B and C placed, each a mug at 12.50 USD. */
    private static DynamoDbSettings tablesWithFixtureOrders() {
        DynamoDbSettings tables = dynamoDb.newTables();
        Currency usd = Currency.getInstance("USD");
        List<OrderLine> mug = List.of(new OrderLine(new Sku("SKU-MUG-01"), "Ceramic Mug", 1, Money.parse("12.50",
                usd)));
        try (DynamoDbStore store = DynamoDbStore.create(tables)) {
            for (OrderId id : List.of(ORDER_A, ORDER_B, ORDER_C)) {
                Order placed = Order.place(id, new CustomerId("cust-events"), mug, PricingPolicy.demo(),
                        Instant.parse("2026-12-04T19:00:00Z"));
                store.orderRepository().createIfAbsent(placed, "fixture-" + id);
            }
        }
        return tables;
    }

    private static OrderStatus status(DynamoDbSettings tables, OrderId id) {
        try (DynamoDbStore store = DynamoDbStore.create(tables)) {
            return store.orderRepository().findById(id).orElseThrow().status();
        }
    }
}
