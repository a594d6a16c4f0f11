package dev.orderservice.adapter.dynamodb;

import static dev.orderservice.adapter.dynamodb.TestOrders.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderservice.core.domain.Product;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

class DynamoDbTablesTest {

    @RegisterExtension
    static final DynamoDbTestServer dynamoDb = new DynamoDbTestServer();

    private DynamoDbSettings settings;
    private DynamoDbStore store;
    private DynamoDbClient client;

    @BeforeEach
    void openStore() {
        // newTables() creates the tables, so these tests name tables of their own that do not exist yet.
        DynamoDbSettings created = dynamoDb.newTables();
        settings = created.withTables(created.ordersTable() + "-new", created.productsTable() + "-new");
        store = DynamoDbStore.create(settings);
        client = DynamoDbClients.create(settings);
    }

    @AfterEach
    void closeStore() {
        new DynamoDbTables(client, settings.ordersTable(), settings.productsTable()).deleteIfPresent();
        new DynamoDbTables(client, settings.ordersTable() + "-other", settings.productsTable()).deleteIfPresent();
        client.close();
        store.close();
    }

    @Test
    void orders_table_has_customer_index() {
        store.tables().createIfMissing();

        TableDescription orders = client.describeTable(describe -> describe.tableName(settings.ordersTable())).table();

        assertThat(orders.keySchema()).containsExactly(key(OrderItems.ORDER_ID, KeyType.HASH));
        GlobalSecondaryIndexDescription index = orders.globalSecondaryIndexes().get(0);
        assertThat(index.indexName()).isEqualTo(DynamoDbTables.CUSTOMER_INDEX);
        assertThat(index.keySchema()).containsExactly(key(OrderItems.CUSTOMER_ID, KeyType.HASH),
                key(OrderItems.CREATED_AT_ORDER_ID, KeyType.RANGE));
        assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.ALL);
    }

    @Test
    void products_table_is_keyed_by_sku() {
        store.tables().createIfMissing();

        TableDescription products = client.describeTable(
                describe -> describe.tableName(settings.productsTable())).table();

        assertThat(products.keySchema()).containsExactly(key(ProductItems.SKU, KeyType.HASH));
    }

    @Test
    void second_creation_keeps_existing_tables() {
        store.tables().createIfMissing();
        store.tables().loadProductsIfEmpty(List.of(product("SKU-MUG-01", "12.50")));

        store.tables().createIfMissing();

        assertThat(store.productCatalog().findAll()).hasSize(1);
    }

    @Test
    void catalog_loads_into_empty_table_only() {
        store.tables().createIfMissing();
        List<Product> products = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            products.add(product(String.format("SKU-%03d", i), "1.00"));
        }

        int first = store.tables().loadProductsIfEmpty(products);
        int second = store.tables().loadProductsIfEmpty(List.of(product("SKU-OTHER", "2.00")));

        assertThat(first).isEqualTo(60);
        assertThat(second).isZero();
        assertThat(store.productCatalog().findAll()).containsExactlyElementsOf(products);
    }

    @Test
    void orders_table_with_product_keys_is_rejected() {
        store.tables().createIfMissing();
        DynamoDbTables swapped = new DynamoDbTables(client, settings.productsTable(), settings.ordersTable());

        assertThatThrownBy(swapped::createIfMissing)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("table " + settings.productsTable())
                .hasMessageContaining("(orderId HASH)")
                .hasMessageContaining("byCustomer")
                .hasMessageContaining("ORDERS_TABLE");
    }

    @Test
    void orders_table_without_customer_index_is_rejected() {
        client.createTable(create -> create.tableName(settings.ordersTable())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName(OrderItems.ORDER_ID)
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(key(OrderItems.ORDER_ID, KeyType.HASH)));

        assertThatThrownBy(store.tables()::createIfMissing)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("table " + settings.ordersTable())
                .hasMessageContaining("byCustomer (customerId HASH, createdAtOrderId RANGE)");
    }

    @Test
    void products_table_with_order_keys_is_rejected() {
        new DynamoDbTables(client, settings.productsTable(), settings.ordersTable() + "-other").createIfMissing();

        assertThatThrownBy(store.tables()::createIfMissing)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("table " + settings.productsTable())
                .hasMessageContaining("(sku HASH)")
                .hasMessageContaining("PRODUCTS_TABLE");
    }

    private static KeySchemaElement key(String attribute, KeyType type) {
        return KeySchemaElement.builder().attributeName(attribute).keyType(type).build();
    }
}
