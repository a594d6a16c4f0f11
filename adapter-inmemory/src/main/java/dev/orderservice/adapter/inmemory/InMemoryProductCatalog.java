package dev.orderservice.adapter.inmemory;

import dev.orderservice.core.domain.Product;
import dev.orderservice.core.domain.Sku;
import dev.orderservice.core.port.out.ProductCatalog;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** A fixed {@link ProductCatalog} in memory, such as the local server's demo catalog. */
public final class InMemoryProductCatalog implements ProductCatalog {

    private final List<Product> products;
    private final Map<Sku, Product> productsBySku;

    /**
     * Creates a catalog of {@code products}.
     *
     * @throws IllegalArgumentException when two products share a SKU, or when the products are priced in more than
     *     one currency, because an order is priced in the one currency of its pricing policy
     */
    public InMemoryProductCatalog(List<Product> products) {
        Map<Sku, Product> bySku = new HashMap<>();
        for (Product product : products) {
            if (bySku.putIfAbsent(product.sku(), Objects.requireNonNull(product)) != null) {
                throw new IllegalArgumentException("catalog contains SKU " + product.sku()
                        + " twice, but each SKU must name one product");
            }
        }
        Set<String> currencies = products.stream()
                .map(product -> product.unitPrice().currency())
                .map(Currency::getCurrencyCode)
                .collect(Collectors.toCollection(TreeSet::new));
        if (currencies.size() > 1) {
            throw new IllegalArgumentException("catalog products are priced in " + String.join(", ", currencies)
                    + ", but a catalog must use the one currency of its pricing policy");
        }

        this.products = products.stream().sorted(Comparator.comparing(product -> product.sku().value())).toList();
        this.productsBySku = Map.copyOf(bySku);
    }

    @Override
    public List<Product> findAll() {
        return products;
    }

    @Override
    public Map<Sku, Product> findBySkus(Set<Sku> skus) {
        return skus.stream()
                .filter(productsBySku::containsKey)
                .collect(Collectors.toUnmodifiableMap(sku -> sku, productsBySku::get));
    }
}
