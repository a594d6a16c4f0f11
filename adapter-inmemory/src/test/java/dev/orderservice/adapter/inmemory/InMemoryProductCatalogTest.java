package dev.orderservice.adapter.inmemory;

import static dev.orderservice.core.port.out.contract.TestOrders.JPY;
import static dev.orderservice.core.port.out.contract.TestOrders.USD;
import static dev.orderservice.core.port.out.contract.TestOrders.product;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderservice.core.domain.Product;
import dev.orderservice.core.port.out.ProductCatalog;
import dev.orderservice.core.port.out.contract.ProductCatalogContract;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryProductCatalogTest extends ProductCatalogContract {

    @Override
    protected ProductCatalog newCatalog(List<Product> products) {
        return new InMemoryProductCatalog(products);
    }

    @Test
    void duplicate_sku_is_rejected() {
        List<Product> products = List.of(product("SKU-MUG-01", "Ceramic Mug", "12.50", USD, true),
                product("SKU-MUG-01", "Another Mug", "9.00", USD, true));

        assertThatThrownBy(() -> new InMemoryProductCatalog(products))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SKU-MUG-01");
    }

    @Test
    void mixed_currencies_are_rejected() {
        List<Product> products = List.of(product("SKU-MUG-01", "Ceramic Mug", "12.50", USD, true),
                product("SKU-TEA-01", "Green Tea", "1500", JPY, true));

        assertThatThrownBy(() -> new InMemoryProductCatalog(products))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JPY, USD");
    }

    @Test
    void null_product_is_rejected() {
        List<Product> products = Arrays.asList((Product) null);

        assertThatThrownBy(() -> new InMemoryProductCatalog(products)).isInstanceOf(NullPointerException.class);
    }
}
