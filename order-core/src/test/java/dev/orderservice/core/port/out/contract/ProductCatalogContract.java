package dev.orderservice.core.port.out.contract;

import static dev.orderservice.core.port.out.contract.TestOrders.JPY;
import static dev.orderservice.core.port.out.contract.TestOrders.USD;
import static dev.orderservice.core.port.out.contract.TestOrders.product;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderservice.core.domain.Product;
import dev.orderservice.core.domain.Sku;
import dev.orderservice.core.port.out.ProductCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The behaviour that every {@link ProductCatalog} must show, as tests. An adapter's test class extends this one
 * and implements {@link #newCatalog(List)}.
 *
 * <p>Each catalog that a test requests contains products of one currency, because a catalog prices orders in the
 * one currency of its pricing policy.
 */
public abstract class ProductCatalogContract {

    private static final Product MUG = product("SKU-MUG-01", "Ceramic Mug", "12.50", USD, true);
    private static final Product POSTER = product("SKU-POSTER-A2", "Poster A2", "7.25", USD, true);
    private static final Product SHIPPING_BOX = product("SKU-BOX-S", "Shipping Box", "0.00", USD, true);
    private static final Product UMBRELLA = product("SKU-UMBRELLA", "Travel Umbrella", "24.00", USD, false);

    /**
     * Returns a catalog that contains exactly {@code products} and nothing else. It is called at most once per test.
     */
    protected abstract ProductCatalog newCatalog(List<Product> products);

    @Test
    void find_all_returns_every_product_ordered_by_sku() {
        ProductCatalog catalog = newCatalog(List.of(UMBRELLA, MUG, POSTER, SHIPPING_BOX));

        List<Product> products = catalog.findAll();

        assertThat(products).containsExactly(SHIPPING_BOX, MUG, POSTER, UMBRELLA);
    }

    @Test
    void find_all_of_an_empty_catalog_is_empty() {
        ProductCatalog catalog = newCatalog(List.of());

        assertThat(catalog.findAll()).isEmpty();
    }

    @Test
    void find_by_skus_leaves_out_unknown_skus() {
        ProductCatalog catalog = newCatalog(List.of(MUG, POSTER));

        Map<Sku, Product> found = catalog.findBySkus(Set.of(MUG.sku(), new Sku("SKU-UNKNOWN")));

        assertThat(found).containsOnlyKeys(MUG.sku());
        assertThat(found.get(MUG.sku())).isEqualTo(MUG);
    }

    @Test
    void find_by_skus_returns_unavailable_products() {
        ProductCatalog catalog = newCatalog(List.of(MUG, UMBRELLA));

        Map<Sku, Product> found = catalog.findBySkus(Set.of(UMBRELLA.sku()));

        assertThat(found.get(UMBRELLA.sku())).isEqualTo(UMBRELLA);
        assertThat(found.get(UMBRELLA.sku()).available()).isFalse();
    }

    @Test
    void find_by_skus_of_no_skus_is_empty() {
        ProductCatalog catalog = newCatalog(List.of(MUG));

        assertThat(catalog.findBySkus(Set.of())).isEmpty();
    }

    @Test
    void find_by_skus_finds_fifty_skus() {
        List<Product> products = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            products.add(product(String.format("SKU-%03d", i), "Product " + i, i + ".99", USD, i % 7 != 0));
        }
        ProductCatalog catalog = newCatalog(products);
        List<Product> requested = products.subList(5, 55);

        Map<Sku, Product> found = catalog.findBySkus(requested.stream().map(Product::sku).collect(Collectors.toSet()));

        assertThat(found).hasSize(50);
        assertThat(found.values()).containsExactlyInAnyOrderElementsOf(requested);
    }

    @Test
    void usd_prices_keep_two_decimals() {
        ProductCatalog catalog = newCatalog(List.of(MUG, SHIPPING_BOX));

        List<Product> products = catalog.findAll();

        assertThat(products).extracting(found -> found.unitPrice().toPlainString()).containsExactly("0.00", "12.50");
    }

    @Test
    void jpy_prices_keep_no_decimals() {
        Product tea = product("SKU-TEA-01", "Green Tea", "1500", JPY, true);
        ProductCatalog catalog = newCatalog(List.of(tea));

        Product found = catalog.findBySkus(Set.of(tea.sku())).get(tea.sku());

        assertThat(found).isEqualTo(tea);
        assertThat(found.unitPrice().toPlainString()).isEqualTo("1500");
    }

    @Test
    void long_names_outside_ascii_round_trip() {
        String name = "Größe M – 折りたたみ傘 – ☂".repeat(10).substring(0, Product.MAX_NAME_LENGTH);
        Product umbrella = product("SKU-UMBRELLA-JP", name, "24.00", USD, true);
        ProductCatalog catalog = newCatalog(List.of(umbrella));

        assertThat(catalog.findAll()).containsExactly(umbrella);
    }

    @Test
    void returned_collections_cannot_change_the_catalog() {
        ProductCatalog catalog = newCatalog(List.of(MUG, POSTER));

        tryToClear(catalog.findAll());
        tryToClear(catalog.findBySkus(Set.of(MUG.sku())));

        assertThat(catalog.findAll()).containsExactly(MUG, POSTER);
        assertThat(catalog.findBySkus(Set.of(MUG.sku()))).containsOnlyKeys(MUG.sku());
    }

    @Test
    void catalog_does_not_change_with_the_callers_list() {
        List<Product> callersList = new ArrayList<>(List.of(MUG, POSTER));
        ProductCatalog catalog = newCatalog(callersList);

        callersList.clear();

        assertThat(catalog.findAll()).containsExactly(MUG, POSTER);
    }

    private static void tryToClear(List<?> returned) {
        try {
            returned.clear();
        } catch (UnsupportedOperationException unmodifiable) {
            // An unmodifiable list is expected.
        }
    }

    private static void tryToClear(Map<?, ?> returned) {
        try {
            returned.clear();
        } catch (UnsupportedOperationException unmodifiable) {
            // An unmodifiable map is expected.
        }
    }
}
