package dev.orderservice.core.application;

import dev.orderservice.core.domain.Product;
import dev.orderservice.core.port.in.ListProductsUseCase;
import dev.orderservice.core.port.out.ProductCatalog;
import jakarta.inject.Inject;
import java.util.List;

/** Reads the whole catalog. */
public final class ListProductsService implements ListProductsUseCase {

    private final ProductCatalog catalog;

    @Inject
    public ListProductsService(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<Product> listProducts() {
        return catalog.findAll();
    }
}
