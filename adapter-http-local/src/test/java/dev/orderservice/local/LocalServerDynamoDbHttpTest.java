package dev.orderservice.local;

import static dev.orderservice.http.contract.TestRequest.get;
import static dev.orderservice.http.contract.TestRequest.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderservice.adapter.dynamodb.DynamoDbSettings;
import dev.orderservice.adapter.dynamodb.DynamoDbTestServer;
import dev.orderservice.http.contract.ApiClient.ApiResponse;
import dev.orderservice.http.contract.HttpClientApiClient;
import dev.orderservice.http.contract.JsonBody;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every HTTP test of the local server again, with {@code ORDERS_STORE=dynamodb} on a DynamoDB-API server, plus
 * what only a durable store can show: orders outlive the server.
 */
class LocalServerDynamoDbHttpTest extends LocalServerHttpTest {

    @RegisterExtension
    static final DynamoDbTestServer DYNAMODB = new DynamoDbTestServer();

    private static Map<String, String> environment;

    /** Hides the in-memory server's start of the superclass, so this class runs on DynamoDB instead. */
    @BeforeAll
    static void startServer() {
        DynamoDbSettings tables = DYNAMODB.newTables();
        environment = Map.of(
                "ORDERS_STORE", "dynamodb",
                "DYNAMODB_ENDPOINT", DYNAMODB.endpoint().toString(),
                "ORDERS_TABLE", tables.ordersTable(),
                "PRODUCTS_TABLE", tables.productsTable(),
                "ORDERS_CURSOR_SECRET", DynamoDbTestServer.CURSOR_SECRET,
                "CORS_ALLOWED_ORIGINS", ALLOWED_ORIGIN);
        server = startOnDynamoDb();
        client = HttpClientApiClient.onLocalPort(server.port());
    }

    @Test
    void orders_outlive_a_restart_of_the_server() {
        String customerId = "restart-" + UUID.randomUUID().toString().substring(0, 8);
        ApiResponse placed = send(post("/orders").json("{\"customerId\":\"" + customerId
                + "\",\"items\":[{\"sku\":\"SKU-POSTER-A2\",\"quantity\":3}]}"));
        String location = placed.header("Location").orElseThrow();

        LocalServer restarted = startOnDynamoDb();
        ApiResponse read;
        ApiResponse list;
        try {
            HttpClientApiClient restartedClient = HttpClientApiClient.onLocalPort(restarted.port());
            read = restartedClient.send(get(location).build());
            list = restartedClient.send(get("/orders?customerId=" + customerId).build());
        } finally {
            restarted.stop();
        }

        assertThat(placed.status()).isEqualTo(201);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.bodyText()).isEqualTo(placed.bodyText());
        assertThat(JsonBody.of(list).list("items")).hasSize(1);
    }

    private static LocalServer startOnDynamoDb() {
        return DynamoDbLocalServerComponent.create(LocalServerSettings.forTest(environment)).server().start();
    }
}
