package dev.orderservice.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.orderservice.core.domain.PricingPolicy;
import dev.orderservice.core.domain.Product;
import org.junit.jupiter.api.Test;

class DemoCatalogTest {

    @Test
    void demo_catalog_has_the_five_documented_products() {
        assertThat(DemoCatalog.products())
                .extracting(product -> product.sku().value(), Product::name,
                        product -> product.unitPrice().toPlainString(), Product::available)
                .containsExactly(
                        tuple("SKU-HEADPHONES", "Wireless Headphones", "149.00", true),
                        tuple("SKU-MUG-01", "Ceramic Mug", "12.50", true),
                        tuple("SKU-POSTER-A2", "Poster A2", "7.25", true),
                        tuple("SKU-TSHIRT-M", "Cotton T-Shirt (M)", "19.99", true),
                        tuple("SKU-UMBRELLA", "Travel Umbrella", "24.00", false));
    }

    @Test
    void demo_catalog_prices_in_the_demo_policys_currency() {
        assertThat(DemoCatalog.products())
                .allSatisfy(product -> assertThat(product.unitPrice().currency())
                        .isEqualTo(PricingPolicy.demo().currency()));
    }

    @Test
    void demo_catalog_is_listed_in_sku_order() {
        InMemoryProductCatalog catalog = new InMemoryProductCatalog(DemoCatalog.products());

        assertThat(catalog.findAll()).containsExactlyElementsOf(DemoCatalog.products());
    }
}
