package dev.orderservice.local;

import dagger.Module;
import dagger.Provides;
import dev.orderservice.adapter.inmemory.InMemoryOrderRepository;
import dev.orderservice.adapter.inmemory.InMemoryProductCatalog;
import dev.orderservice.core.port.out.OrderRepository;
import dev.orderservice.core.port.out.ProductCatalog;
import jakarta.inject.Singleton;

/** Keeps orders and the catalog in memory: the default store, gone when the process stops. */
@Module
public interface InMemoryStoreModule {

    @Provides
    @Singleton
    static OrderRepository orderRepository() {
        return new InMemoryOrderRepository();
    }

    @Provides
    @Singleton
    static ProductCatalog productCatalog(CatalogSource catalog) {
        return new InMemoryProductCatalog(catalog.products());
    }
}
