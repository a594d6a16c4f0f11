package dev.orderservice.core.port.in;

import dev.orderservice.core.domain.Product;
import java.util.List;

/** Lists the catalog that orders are priced from. */
public interface ListProductsUseCase {

    List<Product> listProducts();
}
