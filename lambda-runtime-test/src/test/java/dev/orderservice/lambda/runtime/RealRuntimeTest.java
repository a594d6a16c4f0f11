package dev.orderservice.lambda.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderservice.adapter.dynamodb.DynamoDbSettings;
import dev.orderservice.adapter.dynamodb.DynamoDbStore;
import dev.orderservice.adapter.dynamodb.DynamoDbTestServer;
import dev.orderservice.adapter.inmemory.DemoCatalog;
import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.OrderId;
import dev.orderservice.lambda.runtime.RuntimeApiServer.Result;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs both functions of template.yaml from orders-lambda.zip inside AWS's Java runtime interface client, in a
 * child JVM, against the Runtime API server of these tests, with the orders and the catalog on dynalite. Each
 * request goes in as the bytes API Gateway sends and comes back as API Gateway reads the function's output.
 */
class RealRuntimeTest {

    @RegisterExtension
    static final DynamoDbTestServer dynamoDb = new DynamoDbTestServer();

    /**
     * A wide margin: the first invocation of a cold JVM takes about a second on a busy 2-core build machine.
     */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);
    private static final Map<String, String> JSON_CONTENT = Map.of("Content-Type", "application/json");
    private static final Map<String, String> ACCEPT_JSON = Map.of("Accept", "application/json");

    private static SamTemplate template;
    private static LambdaPackage orders;

    @BeforeAll
    static void unpackFunction() {
        template = SamTemplate.load(BuildFiles.samTemplate());
        orders = LambdaPackage.unzip(BuildFiles.lambdaZip(), BuildFiles.workDirectory("real-runtime-task"));
    }

    @Test
    void http_api_function_places_reads_and_lists_order() throws Exception {
        try (RunningFunction function = start("HttpApiFunction", ApiGatewayResponse::fromHttpApiOutput)) {
            ApiGatewayResponse placed = function.call(ApiGatewayEvents.httpApi("POST", "/orders", "", JSON_CONTENT,
                    FunctionFixture.placeOrderBody("cust-http-1")));

            // The HTTP API serves at its root on the $default stage.
            assertPlaced(placed, "cust-http-1", "/orders/");
            String orderId = placed.json().path("orderId").asText();
            assertStored(function.tables, orderId);

            ApiGatewayResponse read = function.call(ApiGatewayEvents.httpApi("GET", "/orders/" + orderId, "",
                    ACCEPT_JSON, null));

            assertThat(read.status()).as(read.body()).isEqualTo(200);
            assertThat(read.json()).isEqualTo(placed.json());

            ApiGatewayResponse listed = function.call(ApiGatewayEvents.httpApi("GET", "/orders",
                    "customerId=cust-http-1&limit=10", ACCEPT_JSON, null));

            assertThat(listed.status()).as(listed.body()).isEqualTo(200);
            assertThat(listed.json().path("items").get(0).path("orderId").asText()).isEqualTo(orderId);
            assertThat(function.runtimeApi.initErrors()).isEmpty();
        }
    }

    @Test
    void rest_api_function_places_reads_and_lists_order() throws Exception {
        try (RunningFunction function = start("RestApiFunction", ApiGatewayResponse::fromRestApiOutput)) {
            ApiGatewayResponse placed = function.call(ApiGatewayEvents.restApi("POST", "/orders", "", JSON_CONTENT,
                    FunctionFixture.placeOrderBody("cust-rest-1")));

            // A REST API's URL starts with its stage, so a Location that the client follows must too.
            assertPlaced(placed, "cust-rest-1", "/" + ApiGatewayEvents.REST_STAGE + "/orders/");
            String orderId = placed.json().path("orderId").asText();
            assertStored(function.tables, orderId);

            ApiGatewayResponse read = function.call(ApiGatewayEvents.restApi("GET", "/orders/" + orderId, "",
                    ACCEPT_JSON, null));

            assertThat(read.status()).as(read.body()).isEqualTo(200);
            assertThat(read.json()).isEqualTo(placed.json());

            ApiGatewayResponse listed = function.call(ApiGatewayEvents.restApi("GET", "/orders",
                    "customerId=cust-rest-1&limit=10", ACCEPT_JSON, null));

            assertThat(listed.status()).as(listed.body()).isEqualTo(200);
            assertThat(listed.json().path("items").get(0).path("orderId").asText()).isEqualTo(orderId);
            assertThat(function.runtimeApi.initErrors()).isEmpty();
        }
    }

    @Test
    void unknown_route_is_problem_through_runtime() throws Exception {
        try (RunningFunction function = start("HttpApiFunction", ApiGatewayResponse::fromHttpApiOutput)) {
            ApiGatewayResponse missing = function.call(ApiGatewayEvents.httpApi("GET", "/no-such-route", "",
                    ACCEPT_JSON, null));

            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
            assertThat(missing.json().path("status").asInt()).isEqualTo(404);
        }
    }

    private static void assertPlaced(ApiGatewayResponse placed, String customerId, String locationPrefix) {
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        JsonNode order = placed.json();
        assertThat(placed.header("Location")).isEqualTo(locationPrefix + order.path("orderId").asText());
        assertThat(placed.header("Content-Type")).startsWith("application/json");
        assertThat(order.path("customerId").asText()).isEqualTo(customerId);
        assertThat(order.path("status").asText()).isEqualTo("PLACED");
        assertThat(order.path("subtotal").asText()).isEqualTo("52.48");
        assertThat(order.path("tax").asText()).isEqualTo("4.33");
        assertThat(order.path("shipping").asText()).isEqualTo("5.00");
        assertThat(order.path("total").asText()).isEqualTo("61.81");
        assertThat(order.path("items")).hasSize(2);
    }

    /** Reads the order straight from the table, so a pass proves the function wrote to DynamoDB. */
    private static void assertStored(DynamoDbSettings tables, String orderId) {
        try (DynamoDbStore store = DynamoDbStore.create(tables)) {
            Optional<Order> stored = store.orderRepository().findById(new OrderId(orderId));

            assertThat(stored).isPresent();
            assertThat(stored.get().totals().total().toPlainString()).isEqualTo("61.81");
        }
    }

    private static RunningFunction start(String functionId, Function<byte[], ApiGatewayResponse> reader) {
        DynamoDbSettings tables = dynamoDb.newTables();
        try (DynamoDbStore store = DynamoDbStore.create(tables)) {
            store.tables().loadProductsIfEmpty(DemoCatalog.products());
        }
        RuntimeApiServer runtimeApi = RuntimeApiServer.start(RuntimeInterfaceClientProcess.functionArn(),
                Duration.ofSeconds(20));
        Path log = BuildFiles.workDirectory("real-runtime-logs").resolve(functionId + "-" + System.nanoTime() + ".log");
        RuntimeInterfaceClientProcess runtime = RuntimeInterfaceClientProcess.start(orders,
                FunctionFixture.handler(template, functionId),
                FunctionFixture.environment(template, functionId, tables), runtimeApi.address(), log);
        return new RunningFunction(runtimeApi, runtime, tables, reader);
    }

    /** A function running in a child JVM, with its Runtime API and tables; closing it kills the JVM. */
    private static final class RunningFunction implements AutoCloseable {

        final RuntimeApiServer runtimeApi;
        final RuntimeInterfaceClientProcess runtime;
        final DynamoDbSettings tables;
        final Function<byte[], ApiGatewayResponse> reader;

        RunningFunction(RuntimeApiServer runtimeApi, RuntimeInterfaceClientProcess runtime, DynamoDbSettings tables,
                Function<byte[], ApiGatewayResponse> reader) {
            this.runtimeApi = runtimeApi;
            this.runtime = runtime;
            this.tables = tables;
            this.reader = reader;
        }

        ApiGatewayResponse call(byte[] event) throws Exception {
            Result result = runtimeApi.invoke(event).await(ANSWER_TIMEOUT);
            assertThat(result.error()).as("the function failed; its output:%n%s%n%s", result.bodyText(),
                    runtime.output()).isFalse();
            return reader.apply(result.body());
        }

        @Override
        public void close() {
            try {
                runtime.close();
            } finally {
                runtimeApi.close();
            }
        }
    }
}
