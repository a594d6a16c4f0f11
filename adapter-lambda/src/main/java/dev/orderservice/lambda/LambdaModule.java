package dev.orderservice.lambda;

import dagger.Module;
import dagger.Provides;
import dev.orderservice.core.domain.PricingPolicy;
import dev.orderservice.core.port.out.OrderRepository;
import dev.orderservice.core.port.out.ProductCatalog;
import dev.orderservice.http.OrderHttpApi;
import jakarta.inject.Singleton;

/** Provides the out-ports and the API of a Lambda function from its settings. */
@Module
interface LambdaModule {

    @Provides
    @Singleton
    static OrderStorage storage(LambdaSettings settings, InvocationLog log) {
        switch (settings.store()) {
            case MEMORY:
                return OrderStorage.inMemory(settings);
            default:
                return OrderStorage.onDynamoDb(settings, log);
        }
    }

    @Provides
    static OrderRepository orderRepository(OrderStorage storage) {
        return storage.orders();
    }

    @Provides
    static ProductCatalog productCatalog(OrderStorage storage) {
        return storage.catalog();
    }

    @Provides
    static PricingPolicy pricingPolicy(LambdaSettings settings) {
        return settings.pricing();
    }

    @Provides
    @Singleton
    static OrderHttpApi orderHttpApi(OrderHttpApi.UseCases useCases, LambdaSettings settings) {
        return OrderHttpApi.forLambda(useCases, settings.cors());
    }
}
