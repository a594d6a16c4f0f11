package dev.orderservice.local;

import dagger.Module;
import dagger.Provides;
import dev.orderservice.adapter.dynamodb.DynamoDbSettings;
import dev.orderservice.adapter.dynamodb.DynamoDbStore;
import dev.orderservice.core.domain.OrderException;
import dev.orderservice.core.port.out.OrderRepository;
import dev.orderservice.core.port.out.ProductCatalog;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import org.slf4j.LoggerFactory;

/**
 * Keeps orders and the catalog in DynamoDB. At start-up it creates missing tables and loads the catalog into an
 * empty products table, so a fresh local DynamoDB-API server needs no set-up.
 */
@Module
public interface DynamoDbStoreModule {

    @Provides
    @Singleton
    static DynamoDbStore dynamoDbStore(LocalServerSettings settings, CatalogSource catalog) {
        Logger log = LoggerFactory.getLogger(DynamoDbStoreModule.class);
        DynamoDbSettings dynamoDb = DynamoDbSettings.fromEnvironment(settings.values());
        dynamoDb.warnings().forEach(log::warn);

        DynamoDbStore store = DynamoDbStore.create(dynamoDb);
        int loaded;
        try {
            store.tables().createIfMissing();
            loaded = store.tables().loadProductsIfEmpty(catalog.products());
        } catch (SdkException unreachable) {
            store.close();
            String where = dynamoDb.endpoint() == null ? "in " + dynamoDb.region() : "at " + dynamoDb.endpoint();
            throw OrderException.unavailable("DynamoDB " + where + " cannot be reached or refused to set up the"
                    + " tables (" + unreachable.getMessage() + "); check DYNAMODB_ENDPOINT, AWS_REGION and"
                    + " the credentials", unreachable);
        }
        // NOTE: a products table that already has items keeps them, and prices come from it; the catalog file
        // then only sets the currency of the pricing policy.
        log.info("DynamoDB tables {} and {} ready; {} products loaded into the catalog", dynamoDb.ordersTable(),
                dynamoDb.productsTable(), loaded);
        return store;
    }

    @Provides
    static OrderRepository orderRepository(DynamoDbStore store) {
        return store.orderRepository();
    }

    @Provides
    static ProductCatalog productCatalog(DynamoDbStore store) {
        return store.productCatalog();
    }
}
