package dev.orderservice.lambda.s3import;

import dev.orderservice.adapter.dynamodb.DynamoDbSettings;
import dev.orderservice.adapter.dynamodb.DynamoDbStore;
import dev.orderservice.adapter.dynamodb.DynamoDbTestServer;
import dev.orderservice.adapter.inmemory.DemoCatalog;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

class S3ImportDynamoDbTest extends S3ImportContract {

    @RegisterExtension
    static final DynamoDbTestServer DYNAMODB = new DynamoDbTestServer();

    @Override
    protected Map<String, String> storeEnvironment() {
        return dynamoDbEnvironment(DYNAMODB);
    }

    /** Creates tables of their own on the server, loads the demo catalog and returns the variables naming them. */
    static Map<String, String> dynamoDbEnvironment(DynamoDbTestServer server) {
        DynamoDbSettings settings = server.newTables();
        try (DynamoDbStore store = DynamoDbStore.create(settings)) {
            store.tables().loadProductsIfEmpty(DemoCatalog.products());
        }
        return Map.of("ORDERS_STORE", "dynamodb", "DYNAMODB_ENDPOINT", server.endpoint().toString(),
                "ORDERS_TABLE", settings.ordersTable(), "PRODUCTS_TABLE", settings.productsTable(),
                "ORDERS_CURSOR_SECRET", DynamoDbTestServer.CURSOR_SECRET);
    }
}
