package dev.orderservice.local;

import dagger.Module;
import dagger.Provides;
import dev.orderservice.adapter.dynamodb.DynamoDbSettings;
import dev.orderservice.adapter.dynamodb.DynamoDbStore;
import dev.orderservice.core.domain.OrderException;
import dev.orderservice.core.domain.Product;
import dev.orderservice.core.port.out.OrderRepository;
import dev.orderservice.core.port.out.ProductCatalog;
import jakarta.inject.Singleton;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

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
        String origin = settings.catalogFile().map(file -> "CATALOG_FILE " + file).orElse("the demo catalog");
        int loaded;
        String served;
        try {
            store.tables().createIfMissing();
            loaded = store.tables().loadProductsIfEmpty(catalog.products());
            served = describeServedCatalog(dynamoDb.productsTable(), store.productCatalog().findAll(),
                    catalog.pricing().currency(), origin);
        } catch (SdkException unreachable) {
            store.close();
            String where = dynamoDb.endpoint() == null ? "in " + dynamoDb.region() : "at " + dynamoDb.endpoint();
            throw OrderException.unavailable("DynamoDB " + where + " cannot be reached or failed to set up the"
                    + " tables (" + unreachable.getMessage() + "); check DYNAMODB_ENDPOINT, AWS_REGION and"
                    + " the credentials", unreachable);
        } catch (RuntimeException failed) {
            store.close();
            throw failed;
        }

        String loadedFrom = loaded > 0
                ? "loaded from " + origin
                : origin + " not loaded, because the table already had products";
        log.info("DynamoDB tables {} and {} ready; serving {} ({})", dynamoDb.ordersTable(), dynamoDb.productsTable(),
                served, loadedFrom);
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

    /**
     * Describes the products that the server prices orders from, such as {@code products table products, 5
     * products in USD}.
     *
     * <p>A products table that already has items keeps them, so its currency may differ from the catalog file's,
     * which sets the pricing policy's currency. Every order would then fail to add up, so start-up stops instead.
     *
     * @throws IllegalArgumentException when the table is empty, mixes currencies or is in another currency than
     *     the pricing policy
     */
    static String describeServedCatalog(String table, List<Product> served, Currency pricingCurrency,
            String origin) {
        if (served.isEmpty()) {
            throw new IllegalArgumentException("the products table " + table + " has no products after loading "
                    + origin + "; check PRODUCTS_TABLE and the catalog");
        }
        Set<String> currencies = new TreeSet<>();
        served.forEach(product -> currencies.add(product.unitPrice().currency().getCurrencyCode()));
        if (currencies.size() > 1) {
            throw new IllegalArgumentException("the products table " + table + " mixes the currencies "
                    + String.join(", ", currencies) + "; every product must be in the currency of the pricing"
                    + " policy, " + pricingCurrency);
        }
        String tableCurrency = currencies.iterator().next();
        if (!tableCurrency.equals(pricingCurrency.getCurrencyCode())) {
            throw new IllegalArgumentException("the products table " + table + " has products in " + tableCurrency
                    + ", but the pricing policy is in " + pricingCurrency + ", the currency of " + origin
                    + "; a catalog is loaded into an empty products table only, so set CATALOG_FILE to a catalog in "
                    + tableCurrency + " (and the PRICING_* amounts in " + tableCurrency + "), or set PRODUCTS_TABLE"
                    + " to a new table");
        }
        return "products table " + table + ", " + served.size() + " products in " + tableCurrency;
    }
}
