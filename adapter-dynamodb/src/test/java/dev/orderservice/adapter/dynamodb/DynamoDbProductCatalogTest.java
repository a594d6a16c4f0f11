package dev.orderservice.adapter.dynamodb;

import static dev.orderservice.adapter.dynamodb.TestOrders.product;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderservice.core.domain.Product;
import dev.orderservice.core.domain.Sku;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The catalog's cache and batching, which the catalog contract does not see. */
class DynamoDbProductCatalogTest {

    @RegisterExtension
    static final DynamoDbTestServer dynamoDb = new DynamoDbTestServer();

    private static final Duration TTL = Duration.ofSeconds(60);
    private static final Product MUG = product("SKU-MUG-01", "12.50");

    private final OperationCounter counter = new OperationCounter();
    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-04T12:00:00Z"));
    private DynamoDbSettings settings;
    private DynamoDbStore store;
    /** A client without the counter, for changes to the table behind the catalog's back. */
    private DynamoDbClient tableClient;

    @BeforeEach
    void openStore() {
        settings = dynamoDb.newTables();
        tableClient = DynamoDbClients.create(settings);
        store = TestStores.open(settings, counter, TTL, clock);
        store.tables().loadProductsIfEmpty(List.of(MUG));
        counter.reset();
    }

    @AfterEach
    void closeStore() {
        store.close();
        tableClient.close();
    }

    @Test
    void cached_product_is_read_once_within_ttl() {
        store.productCatalog().findBySkus(Set.of(MUG.sku()));
        clock.advance(TTL.minusSeconds(1));

        store.productCatalog().findBySkus(Set.of(MUG.sku()));

        assertThat(counter.takeOperations()).containsExactly("BatchGetItem");
    }

    @Test
    void expired_product_is_read_again() {
        store.productCatalog().findBySkus(Set.of(MUG.sku()));
        changePriceInTable(MUG.sku(), "13.00");
        clock.advance(TTL);

        Product read = store.productCatalog().findBySkus(Set.of(MUG.sku())).get(MUG.sku());

        assertThat(read.unitPrice().toPlainString()).isEqualTo("13.00");
        assertThat(counter.takeOperations()).containsExactly("BatchGetItem", "BatchGetItem");
    }

    @Test
    void unknown_sku_is_not_cached() {
        Sku unknown = new Sku("SKU-NEW");
        store.productCatalog().findBySkus(Set.of(unknown));
        putProduct(product("SKU-NEW", "1.00"));

        assertThat(store.productCatalog().findBySkus(Set.of(unknown))).containsKey(unknown);
    }

    @Test
    void only_missing_skus_are_read() {
        Product poster = product("SKU-POSTER-A2", "7.25");
        putProduct(poster);
        store.productCatalog().findBySkus(Set.of(MUG.sku()));
        counter.reset();

        assertThat(store.productCatalog().findBySkus(Set.of(MUG.sku(), poster.sku())))
                .containsOnlyKeys(MUG.sku(), poster.sku());
        assertThat(counter.takeOperations()).containsExactly("BatchGetItem");
        assertThat(store.productCatalog().findBySkus(Set.of(MUG.sku(), poster.sku()))).hasSize(2);
        assertThat(counter.takeOperations()).isEmpty();
    }

    @Test
    void product_list_warms_lookups_by_sku() {
        store.productCatalog().findAll();

        store.productCatalog().findBySkus(Set.of(MUG.sku()));

        assertThat(counter.takeOperations()).containsExactly("Scan");
    }

    @Test
    void product_list_expires_with_ttl() {
        store.productCatalog().findAll();
        putProduct(product("SKU-AAA", "1.00"));
        clock.advance(TTL);

        List<Product> products = store.productCatalog().findAll();

        assertThat(products).extracting(found -> found.sku().value()).containsExactly("SKU-AAA", "SKU-MUG-01");
        assertThat(counter.takeOperations()).containsExactly("Scan", "Scan");
    }

    @Test
    void zero_ttl_reads_every_time() {
        try (DynamoDbStore uncached = TestStores.open(settings, counter, Duration.ZERO, clock)) {
            uncached.productCatalog().findBySkus(Set.of(MUG.sku()));
            uncached.productCatalog().findBySkus(Set.of(MUG.sku()));
        }

        assertThat(counter.takeOperations()).containsExactly("BatchGetItem", "BatchGetItem");
    }

    @Test
    void over_hundred_skus_take_several_batches() {
        List<Product> many = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            many.add(product(String.format("SKU-%04d", i), "1.00"));
        }
        many.forEach(this::putProduct);
        counter.reset();

        Set<Sku> skus = many.stream().map(Product::sku).collect(Collectors.toSet());

        assertThat(store.productCatalog().findBySkus(skus)).hasSize(150);
        assertThat(counter.takeOperations()).containsExactly("BatchGetItem", "BatchGetItem");
    }

    @Test
    void product_list_reads_every_scan_page() {
        // About 1.2 MB of products, more than the 1 MB that one Scan call returns.
        List<Product> many = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            many.add(new Product(new Sku(String.format("SKU-%05d", 4999 - i)), "n".repeat(Product.MAX_NAME_LENGTH),
                    MUG.unitPrice(), true));
        }
        try (DynamoDbStore large = TestStores.open(dynamoDb.newTables(), counter, TTL, clock)) {
            large.tables().loadProductsIfEmpty(many);
            counter.reset();

            List<Product> products = large.productCatalog().findAll();

            assertThat(products).hasSize(5000);
            assertThat(products).extracting(product -> product.sku().value()).isSorted();
            assertThat(counter.takeOperations()).hasSizeGreaterThan(1).containsOnly("Scan");
        }
    }

    private void putProduct(Product product) {
        tableClient.putItem(put -> put.tableName(settings.productsTable()).item(ProductItems.toItem(product)));
    }

    private void changePriceInTable(Sku sku, String price) {
        tableClient.updateItem(update -> update.tableName(settings.productsTable())
                .key(ProductItems.key(sku))
                .updateExpression("SET unitPrice = :price")
                .expressionAttributeValues(Map.of(":price", AttributeValue.fromS(price))));
    }

    /** A clock that tests move forward by hand. */
    private static final class SettableClock extends Clock {

        private Instant now;

        SettableClock(Instant start) {
            now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
