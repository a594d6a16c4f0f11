package dev.orderservice.local;

import dagger.Module;
import dagger.Provides;
import dev.orderservice.core.domain.PricingPolicy;
import dev.orderservice.http.CorsPolicy;
import dev.orderservice.http.OrderHttpApi;
import jakarta.inject.Singleton;

/** Provides what every local server needs, whichever store it runs on. */
@Module
public interface LocalServerModule {

    @Provides
    @Singleton
    static CatalogSource catalogSource(LocalServerSettings settings) {
        return CatalogSource.load(settings);
    }

    @Provides
    static PricingPolicy pricingPolicy(CatalogSource catalog) {
        return catalog.pricing();
    }

    @Provides
    @Singleton
    static OrderHttpApi orderHttpApi(OrderHttpApi.UseCases useCases, LocalServerSettings settings) {
        return OrderHttpApi.forLocalServer(useCases, CorsPolicy.parse(settings.value("CORS_ALLOWED_ORIGINS").orElse(null)));
    }
}
