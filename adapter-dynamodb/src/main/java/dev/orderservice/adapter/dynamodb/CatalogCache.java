package dev.orderservice.adapter.dynamodb;

import dev.orderservice.core.domain.Product;
import dev.orderservice.core.domain.Sku;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Products read from the table, kept for a short time, so that a warm Lambda or a busy server prices orders
 * without a catalog read each time.
 *
 * <p>Only products that exist are kept per SKU, so a flood of unknown SKUs cannot grow the cache past the size of
 * the catalog. A product changed in the table is seen once its entry expires. Safe for concurrent use. Two
 * threads that miss at once both read the table, which costs one extra read and returns the same products.
 */
final class CatalogCache {

    private record Entry(Product product, Instant expiresAt) {
    }

    /** The whole catalog, sorted by SKU, as the last scan found it. */
    private record Snapshot(List<Product> products, Instant expiresAt) {
    }

    private final Duration timeToLive;
    private final Clock clock;
    private final ConcurrentMap<Sku, Entry> entries = new ConcurrentHashMap<>();
    private volatile Snapshot snapshot;

    /** @param timeToLive how long a product read from the table is used; zero turns the cache off */
    CatalogCache(Duration timeToLive, Clock clock) {
        if (timeToLive.isNegative()) {
            throw new IllegalArgumentException("the catalog cache's time to live must not be negative");
        }
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    /**
     * Copies the fresh products among {@code skus} into {@code found}.
     *
     * @return the SKUs that must be read from the table
     */
    Set<Sku> collectFresh(Set<Sku> skus, Map<Sku, Product> found) {
        Instant now = clock.instant();
        Set<Sku> missing = new HashSet<>();
        for (Sku sku : skus) {
            Entry entry = entries.get(sku);
            if (entry != null && now.isBefore(entry.expiresAt())) {
                found.put(sku, entry.product());
            } else {
                missing.add(sku);
            }
        }
        return missing;
    }

    void store(Iterable<Product> products) {
        Instant expiresAt = clock.instant().plus(timeToLive);
        for (Product product : products) {
            entries.put(product.sku(), new Entry(product, expiresAt));
        }
    }

    /** Returns the whole catalog if a scan read it within the time to live. */
    Optional<List<Product>> all() {
        Snapshot current = snapshot;
        if (current == null || !clock.instant().isBefore(current.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(current.products());
    }

    /** Keeps the result of a scan of the whole catalog, and each of its products for lookups by SKU. */
    void storeAll(List<Product> products) {
        snapshot = new Snapshot(List.copyOf(products), clock.instant().plus(timeToLive));
        // Products removed from the table must not outlive the scan that no longer found them.
        entries.clear();
        store(products);
    }
}
