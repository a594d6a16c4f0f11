package dev.orderservice.adapter.dynamodb;

import dev.orderservice.core.domain.Product;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Creates the order service's tables and loads a catalog into them, for a local server or a first deployment.
 *
 * <p>A production deployment may create the same tables with infrastructure code instead; docs/dynamodb.md
 * describes them.
 */
public final class DynamoDbTables {

    /** The orders table's index of a customer's orders, newest first when queried backwards. */
    public static final String CUSTOMER_INDEX = "byCustomer";

    /** DynamoDB's limit on the writes of one {@code BatchWriteItem}. */
    static final int MAX_WRITES_PER_BATCH = 25;

    /** How long a new table may stay in CREATING before start-up gives up; AWS needs seconds, dynalite less. */
    static final Duration ACTIVE_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private final DynamoDbClient client;
    private final String ordersTable;
    private final String productsTable;

    DynamoDbTables(DynamoDbClient client, String ordersTable, String productsTable) {
        this.client = client;
        this.ordersTable = ordersTable;
        this.productsTable = productsTable;
    }

    /**
     * Creates the orders table, with its customer index, and the products table unless they exist, then waits
     * until both are active and checks their keys. Safe to call from several processes at once.
     *
     * @throws IllegalStateException when a table is not active within two minutes
     * @throws IllegalArgumentException when an existing table has other keys than this adapter needs, such as
     *     {@code ORDERS_TABLE} naming a table that was made for something else
     */
    public void createIfMissing() {
        CreateTableRequest orders = ordersTableRequest();
        CreateTableRequest products = productsTableRequest();
        createIfMissing(orders);
        createIfMissing(products);
        checkKeys(awaitActive(ordersTable), orders, "ORDERS_TABLE");
        checkKeys(awaitActive(productsTable), products, "PRODUCTS_TABLE");
    }

    /**
     * Writes {@code products} into the products table if the table has no item, and leaves a table with any
     * product as it is, so that a catalog edited in the table survives restarts.
     *
     * @return the number of products written: 0 when the table already had products
     */
    public int loadProductsIfEmpty(List<Product> products) {
        if (hasAnyProduct()) {
            return 0;
        }
        List<WriteRequest> writes = products.stream()
                .map(product -> WriteRequest.builder()
                        .putRequest(PutRequest.builder().item(ProductItems.toItem(product)).build())
                        .build())
                .toList();
        for (int start = 0; start < writes.size(); start += MAX_WRITES_PER_BATCH) {
            batchWrite(writes.subList(start, Math.min(start + MAX_WRITES_PER_BATCH, writes.size())));
        }
        return writes.size();
    }

    /** Deletes both tables, as tests do after themselves on a shared server. */
    void deleteIfPresent() {
        for (String table : List.of(ordersTable, productsTable)) {
            try {
                client.deleteTable(request -> request.tableName(table));
            } catch (ResourceNotFoundException alreadyGone) {
                // Nothing to delete.
            }
        }
    }

    private CreateTableRequest ordersTableRequest() {
        GlobalSecondaryIndex byCustomer = GlobalSecondaryIndex.builder()
                .indexName(CUSTOMER_INDEX)
                .keySchema(key(OrderItems.CUSTOMER_ID, KeyType.HASH), key(OrderItems.CREATED_AT_ORDER_ID, KeyType.RANGE))
                // The whole order, so a page of the list needs no read per order.
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                .build();
        return CreateTableRequest.builder()
                .tableName(ordersTable)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(stringAttribute(OrderItems.ORDER_ID), stringAttribute(OrderItems.CUSTOMER_ID),
                        stringAttribute(OrderItems.CREATED_AT_ORDER_ID))
                .keySchema(key(OrderItems.ORDER_ID, KeyType.HASH))
                .globalSecondaryIndexes(byCustomer)
                .build();
    }

    private CreateTableRequest productsTableRequest() {
        return CreateTableRequest.builder()
                .tableName(productsTable)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(stringAttribute(ProductItems.SKU))
                .keySchema(key(ProductItems.SKU, KeyType.HASH))
                .build();
    }

    private void createIfMissing(CreateTableRequest request) {
        try {
            client.describeTable(describe -> describe.tableName(request.tableName()));
        } catch (ResourceNotFoundException missing) {
            try {
                client.createTable(request);
            } catch (ResourceInUseException createdMeanwhile) {
                // Another process created it between the two calls, which is as good.
            }
        }
    }

    private TableDescription awaitActive(String table) {
        Instant deadline = Instant.now().plus(ACTIVE_TIMEOUT);
        TableDescription description = client.describeTable(describe -> describe.tableName(table)).table();
        while (!isActive(description)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("table " + table + " did not become active within "
                        + ACTIVE_TIMEOUT.toSeconds() + " s; check it in the DynamoDB console or with describe-table");
            }
            sleep(POLL_INTERVAL);
            description = client.describeTable(describe -> describe.tableName(table)).table();
        }
        return description;
    }

    /**
     * Compares an existing table's primary key and global secondary index keys with those the adapter creates,
     * because every read and write of the adapter would fail on a table with other keys.
     */
    private static void checkKeys(TableDescription table, CreateTableRequest expected, String variable) {
        Map<String, List<KeySchemaElement>> actualIndexes = new TreeMap<>();
        table.globalSecondaryIndexes().forEach(index -> actualIndexes.put(index.indexName(), index.keySchema()));
        boolean indexesMatch = expected.globalSecondaryIndexes().stream()
                .allMatch(index -> index.keySchema().equals(actualIndexes.get(index.indexName())));
        if (table.keySchema().equals(expected.keySchema()) && indexesMatch) {
            return;
        }
        throw new IllegalArgumentException("table " + table.tableName() + " has the key " + describeKeys(
                table.keySchema()) + " and the indexes " + actualIndexes.keySet() + ", but the adapter needs the key "
                + describeKeys(expected.keySchema()) + describeIndexes(expected) + "; set " + variable
                + " to a new table, which start-up creates, or to one with these keys");
    }

    private static String describeKeys(List<KeySchemaElement> keys) {
        return keys.stream()
                .map(key -> key.attributeName() + " " + key.keyTypeAsString())
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static String describeIndexes(CreateTableRequest request) {
        return request.globalSecondaryIndexes().stream()
                .map(index -> " and the index " + index.indexName() + " " + describeKeys(index.keySchema()))
                .collect(Collectors.joining());
    }

    private static boolean isActive(TableDescription table) {
        return table.tableStatus() == TableStatus.ACTIVE
                && table.globalSecondaryIndexes().stream().allMatch(index -> index.indexStatus() == IndexStatus.ACTIVE);
    }

    private boolean hasAnyProduct() {
        return !client.scan(scan -> scan.tableName(productsTable).limit(1)).items().isEmpty();
    }

    private void batchWrite(List<WriteRequest> writes) {
        List<WriteRequest> pending = writes;
        for (int round = 1; round <= BatchBackoff.MAX_ROUNDS; round++) {
            if (round > 1) {
                BatchBackoff.pauseBefore(round, "BatchWriteItem");
            }
            BatchWriteItemResponse response = batchWriteOnce(pending);
            pending = response.unprocessedItems().getOrDefault(productsTable, List.of());
            if (pending.isEmpty()) {
                return;
            }
        }
        throw BatchBackoff.exhausted("BatchWriteItem", productsTable, pending.size());
    }

    private BatchWriteItemResponse batchWriteOnce(List<WriteRequest> writes) {
        try {
            return client.batchWriteItem(BatchWriteItemRequest.builder()
                    .requestItems(Map.of(productsTable, writes))
                    .build());
        } catch (SdkException failure) {
            throw DynamoDbErrors.translate(failure, "BatchWriteItem", productsTable);
        }
    }

    private static KeySchemaElement key(String attribute, KeyType type) {
        return KeySchemaElement.builder().attributeName(attribute).keyType(type).build();
    }

    private static AttributeDefinition stringAttribute(String attribute) {
        return AttributeDefinition.builder().attributeName(attribute).attributeType(ScalarAttributeType.S).build();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a table to become active", interrupted);
        }
    }
}
