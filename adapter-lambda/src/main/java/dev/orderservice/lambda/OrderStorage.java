package dev.orderservice.lambda;

import dev.orderservice.adapter.dynamodb.DynamoDbSettings;
import dev.orderservice.adapter.dynamodb.DynamoDbStore;
import dev.orderservice.adapter.inmemory.DemoCatalog;
import dev.orderservice.adapter.inmemory.InMemoryOrderRepository;
import dev.orderservice.adapter.inmemory.InMemoryProductCatalog;
import dev.orderservice.core.domain.Product;
import dev.orderservice.core.port.out.OrderRepository;
import dev.orderservice.core.port.out.ProductCatalog;
import dev.orderservice.lambda.aws.LambdaCredentials;
import java.util.Currency;
import java.util.List;

/** The two out-ports that a store adapter provides, chosen by {@code ORDERS_STORE}. */
record OrderStorage(OrderRepository orders, ProductCatalog catalog) {

    /**
     * Opens the DynamoDB tables that the settings name, with the Lambda environment's region and credentials.
     * No network call is made here; the tables must exist, and the products table must hold the catalog.
     */
    static OrderStorage onDynamoDb(LambdaSettings settings, InvocationLog log) {
        DynamoDbSettings dynamoDb = DynamoDbSettings.fromEnvironment(settings.values());
        dynamoDb.warnings().forEach(log::warning);
        // With SnapStart, Lambda provides the role's credentials through a container endpoint, not as keys.
        DynamoDbStore store = DynamoDbStore.createForLambda(dynamoDb,
                () -> LambdaCredentials.fromEnvironment(settings.values()));
        return new OrderStorage(store.orderRepository(), store.productCatalog());
    }

    /**
     * Keeps orders in this execution environment's memory, with the demo catalog, for trying a deployment out:
     * each environment has orders of its own, and they are gone when it stops.
     *
     * @throws IllegalArgumentException when the pricing currency is not the demo catalog's
     */
    static OrderStorage inMemory(LambdaSettings settings) {
        List<Product> products = DemoCatalog.products();
        Currency catalogCurrency = products.get(0).unitPrice().currency();
        if (!settings.pricing().currency().equals(catalogCurrency)) {
            throw new IllegalArgumentException("ORDERS_STORE=memory serves the demo catalog in " + catalogCurrency
                    + ", so PRICING_CURRENCY must be " + catalogCurrency + ", was " + settings.pricing().currency());
        }
        return new OrderStorage(new InMemoryOrderRepository(), new InMemoryProductCatalog(products));
    }
}
