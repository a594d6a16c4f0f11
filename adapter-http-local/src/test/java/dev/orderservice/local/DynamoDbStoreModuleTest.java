package dev.orderservice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderservice.adapter.dynamodb.DynamoDbSettings;
import dev.orderservice.adapter.dynamodb.DynamoDbStore;
import dev.orderservice.adapter.dynamodb.DynamoDbTestServer;
import dev.orderservice.adapter.inmemory.DemoCatalog;
import dev.orderservice.core.domain.Money;
import dev.orderservice.core.domain.Product;
import dev.orderservice.core.domain.Sku;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Start-up of the local server on DynamoDB when the products table already has a catalog. */
class DynamoDbStoreModuleTest {

    @RegisterExtension
    static final DynamoDbTestServer DYNAMODB = new DynamoDbTestServer();

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");

    @TempDir
    Path directory;

    @Test
    void catalog_in_another_currency_stops_start_up() throws IOException {
        DynamoDbSettings tables = tablesWith(DemoCatalog.products());
        Path jpyCatalog = Files.writeString(directory.resolve("jpy.json"), "{\"items\":[{\"sku\":\"SKU-TEA\","
                + "\"name\":\"Green Tea\",\"unitPrice\":\"1500\",\"currency\":\"JPY\",\"available\":true}]}",
                StandardCharsets.UTF_8);
        Map<String, String> environment = environment(tables);
        environment.put("CATALOG_FILE", jpyCatalog.toString());
        environment.put("PRICING_SHIPPING_FEE", "500");
        environment.put("PRICING_FREE_SHIPPING_FROM", "10000");

        LocalServerComponent component = DynamoDbLocalServerComponent.create(LocalServerSettings.forTest(environment));

        assertThatThrownBy(component::server)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(tables.productsTable())
                .hasMessageContaining("products in USD")
                .hasMessageContaining("pricing policy is in JPY")
                .hasMessageContaining(jpyCatalog.toString());
    }

    @Test
    void table_with_mixed_currencies_stops_start_up() {
        DynamoDbSettings tables = tablesWith(List.of(product("SKU-MUG-01", "12.50", USD),
                product("SKU-MUG-02", "11.50", EUR)));

        LocalServerComponent component = DynamoDbLocalServerComponent.create(
                LocalServerSettings.forTest(environment(tables)));

        assertThatThrownBy(component::server)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(tables.productsTable())
                .hasMessageContaining("EUR, USD");
    }

    @Test
    void table_in_the_pricing_currency_starts() {
        DynamoDbSettings tables = tablesWith(List.of(product("SKU-MUG-02", "11.50", USD)));

        LocalServer server = DynamoDbLocalServerComponent.create(LocalServerSettings.forTest(environment(tables)))
                .server();

        assertThat(server).isNotNull();
    }

    @Test
    void served_catalog_is_described_by_its_table() {
        String description = DynamoDbStoreModule.describeServedCatalog("shop-products",
                List.of(product("SKU-MUG-02", "11.50", USD)), USD, "CATALOG_FILE catalog.json");

        assertThat(description).isEqualTo("products table shop-products, 1 products in USD");
    }

    @Test
    void empty_table_stops_start_up() {
        assertThatThrownBy(() -> DynamoDbStoreModule.describeServedCatalog("shop-products", List.of(), USD,
                "the demo catalog"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shop-products has no products");
    }

    /** Creates tables on the test server and puts {@code products} into the products table. */
    private static DynamoDbSettings tablesWith(List<Product> products) {
        DynamoDbSettings tables = DYNAMODB.newTables();
        try (DynamoDbStore store = DynamoDbStore.create(tables)) {
            store.tables().loadProductsIfEmpty(products);
        }
        return tables;
    }

    private static Map<String, String> environment(DynamoDbSettings tables) {
        Map<String, String> environment = new HashMap<>();
        environment.put("ORDERS_STORE", "dynamodb");
        environment.put("DYNAMODB_ENDPOINT", DYNAMODB.endpoint().toString());
        environment.put("ORDERS_TABLE", tables.ordersTable());
        environment.put("PRODUCTS_TABLE", tables.productsTable());
        environment.put("ORDERS_CURSOR_SECRET", DynamoDbTestServer.CURSOR_SECRET);
        return environment;
    }

    private static Product product(String sku, String unitPrice, Currency currency) {
        return new Product(new Sku(sku), "Test product", Money.parse(unitPrice, currency), true);
    }
}
