package dev.orderservice.core.port.out;

import dev.orderservice.core.domain.Product;
import dev.orderservice.core.domain.Sku;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The products that orders are priced from. */
public interface ProductCatalog {

    /** Returns every product, ordered by SKU. */
    List<Product> findAll();

    /** Returns the products among {@code skus} that exist; an unknown SKU is simply absent from the map. */
    Map<Sku, Product> findBySkus(Set<Sku> skus);
}
