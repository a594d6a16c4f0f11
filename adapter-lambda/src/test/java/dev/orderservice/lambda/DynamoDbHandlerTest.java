package dev.orderservice.lambda;

import static dev.orderservice.http.contract.TestRequest.get;
import static dev.orderservice.http.contract.TestRequest.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderservice.adapter.dynamodb.DynamoDbSettings;
import dev.orderservice.adapter.dynamodb.DynamoDbStore;
import dev.orderservice.adapter.dynamodb.DynamoDbTestServer;
import dev.orderservice.adapter.inmemory.DemoCatalog;
import dev.orderservice.core.domain.CustomerId;
import dev.orderservice.http.contract.ApiClient.ApiResponse;
import dev.orderservice.http.contract.JsonBody;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Both handlers on the DynamoDB store, configured as on Lambda by environment variables, against a local
 * DynamoDB-API server with the demo catalog loaded.
 */
class DynamoDbHandlerTest {

    @RegisterExtension
    static final DynamoDbTestServer dynamoDb = new DynamoDbTestServer();

    private static final String ORDER = "{\"customerId\":\"cust-dynamodb-1\",\"items\":[{\"sku\":\"SKU-TSHIRT-M\","
            + "\"quantity\":2},{\"sku\":\"SKU-MUG-01\",\"quantity\":1}]}";

    private TestFunction function;

    @BeforeEach
    void createTables() {
        DynamoDbSettings settings = dynamoDb.newTables();
        try (DynamoDbStore store = DynamoDbStore.create(settings)) {
            store.tables().loadProductsIfEmpty(DemoCatalog.products());
        }
        function = TestFunction.withEnvironment(Map.of(
                "ORDERS_STORE", "dynamodb",
                "ORDERS_TABLE", settings.ordersTable(),
                "PRODUCTS_TABLE", settings.productsTable(),
                "DYNAMODB_ENDPOINT", settings.endpoint().toString(),
                "AWS_REGION", settings.region().id(),
                "ORDERS_CURSOR_SECRET", DynamoDbTestServer.CURSOR_SECRET));
    }

    @Test
    void http_api_handler_places_reads_and_cancels() {
        LambdaApiClient client = LambdaApiClient.httpApi(function.httpApiHandler(), HttpApiEventWriter.defaultStage());

        ApiResponse placed = client.send(post("/orders").json(ORDER).build());
        String orderId = JsonBody.of(placed).string("orderId");
        ApiResponse read = client.send(get("/orders/" + orderId).build());
        ApiResponse listed = client.send(get("/orders?customerId=cust-dynamodb-1").build());
        ApiResponse cancelled = client.send(post("/orders/" + orderId + "/cancel").build());

        assertThat(placed.status()).isEqualTo(201);
        assertThat(JsonBody.of(placed).string("total")).isEqualTo("61.81");
        assertThat(read.status()).isEqualTo(200);
        assertThat(JsonBody.of(listed).strings("items", "orderId")).containsExactly(orderId);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(JsonBody.of(cancelled).string("status")).isEqualTo("CANCELLED");
    }

    @Test
    void rest_api_handler_places_and_reads() {
        LambdaApiClient client = LambdaApiClient.restApi(function.restApiHandler(), RestApiEventWriter.prodStage());

        ApiResponse placed = client.send(post("/orders").json(ORDER).build());
        ApiResponse read = client.send(get("/orders/" + JsonBody.of(placed).string("orderId")).build());

        assertThat(placed.status()).isEqualTo(201);
        assertThat(read.status()).isEqualTo(200);
        assertThat(JsonBody.of(read).string("customerId")).isEqualTo("cust-dynamodb-1");
    }

    @Test
    void priming_reads_dynamodb_and_writes_nothing() {
        new Priming(function.httpApiHandler().function()).prime();

        assertThat(function.logLines()).isEmpty();
        assertThat(function.component().orderRepository().findByCustomer(new CustomerId("priming"), 100, null)
                .orders()).isEmpty();
    }
}
