package dev.orderservice.adapter.dynamodb;

import dev.orderservice.core.domain.Product;
import dev.orderservice.core.domain.Sku;
import dev.orderservice.core.port.out.ProductCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Reads the catalog from the products table, one item per SKU, through a short-lived in-process cache.
 *
 * <p>The lines of one order are looked up in one {@code BatchGetItem}, since an order has at most 50 SKUs and one
 * call takes 100 keys. The whole catalog is a paginated {@code Scan}, sorted here because a scan has no order.
 */
final class DynamoDbProductCatalog implements ProductCatalog {

    /** DynamoDB's limit on the keys of one {@code BatchGetItem}. */
    static final int MAX_KEYS_PER_BATCH = 100;

    private static final Comparator<Product> BY_SKU = Comparator.comparing(product -> product.sku().value());

    private final DynamoDbClient client;
    private final String table;
    private final CatalogCache cache;

    DynamoDbProductCatalog(DynamoDbClient client, String table, CatalogCache cache) {
        this.client = client;
        this.table = table;
        this.cache = cache;
    }

    @Override
    public List<Product> findAll() {
        Optional<List<Product>> cached = cache.all();
        if (cached.isPresent()) {
            return cached.get();
        }

        List<Product> products = new ArrayList<>(scanAll());
        products.sort(BY_SKU);
        cache.storeAll(products);
        return List.copyOf(products);
    }

    @Override
    public Map<Sku, Product> findBySkus(Set<Sku> skus) {
        Map<Sku, Product> found = new HashMap<>();
        Set<Sku> missing = cache.collectFresh(skus, found);

        List<Sku> toRead = List.copyOf(missing);
        for (int start = 0; start < toRead.size(); start += MAX_KEYS_PER_BATCH) {
            List<Product> read = batchGet(toRead.subList(start, Math.min(start + MAX_KEYS_PER_BATCH, toRead.size())));
            cache.store(read);
            read.forEach(product -> found.put(product.sku(), product));
        }
        return Map.copyOf(found);
    }

    private List<Product> scanAll() {
        try {
            return client.scanPaginator(ScanRequest.builder().tableName(table).build()).items().stream()
                    .map(ProductItems::toProduct)
                    .toList();
        } catch (SdkException failure) {
            throw DynamoDbErrors.translate(failure, "Scan", table);
        }
    }

    /** Reads up to 100 SKUs, resending the keys that DynamoDB left unprocessed, a bounded number of rounds. */
    private List<Product> batchGet(List<Sku> skus) {
        List<Product> products = new ArrayList<>();
        KeysAndAttributes keys = KeysAndAttributes.builder()
                .keys(skus.stream().map(ProductItems::key).toList())
                .build();
        for (int round = 1; round <= BatchBackoff.MAX_ROUNDS; round++) {
            if (round > 1) {
                BatchBackoff.pauseBefore(round, "BatchGetItem");
            }
            BatchGetItemResponse response = batchGetOnce(keys);
            response.responses().getOrDefault(table, List.of()).stream()
                    .map(ProductItems::toProduct)
                    .forEach(products::add);

            KeysAndAttributes unprocessed = response.unprocessedKeys().get(table);
            if (unprocessed == null || unprocessed.keys().isEmpty()) {
                return products;
            }
            keys = unprocessed;
        }
        throw BatchBackoff.exhausted("BatchGetItem", table, keys.keys().size());
    }

    private BatchGetItemResponse batchGetOnce(KeysAndAttributes keys) {
        Map<String, KeysAndAttributes> request = Map.of(table, keys);
        try {
            return client.batchGetItem(BatchGetItemRequest.builder().requestItems(request).build());
        } catch (SdkException failure) {
            throw DynamoDbErrors.translate(failure, "BatchGetItem", table);
        }
    }
}
