package dev.orderservice.adapter.dynamodb;

import dev.orderservice.core.domain.Product;
import dev.orderservice.core.port.out.ProductCatalog;
import dev.orderservice.core.port.out.contract.ProductCatalogContract;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the catalog contract against DynamoDB, each test on a products table of its own. */
class DynamoDbProductCatalogContractTest extends ProductCatalogContract {

    @RegisterExtension
    static final DynamoDbTestServer dynamoDb = new DynamoDbTestServer();

    private DynamoDbStore store;

    @Override
    protected ProductCatalog newCatalog(List<Product> products) {
        store = DynamoDbStore.create(dynamoDb.newTables());
        store.tables().loadProductsIfEmpty(products);
        return store.productCatalog();
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }
}
