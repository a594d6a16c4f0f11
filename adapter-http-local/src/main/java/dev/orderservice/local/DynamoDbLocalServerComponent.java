package dev.orderservice.local;

import dagger.BindsInstance;
import dagger.Component;
import dev.orderservice.http.wiring.SystemModule;
import dev.orderservice.http.wiring.UseCaseModule;
import jakarta.inject.Singleton;

/** The local server on DynamoDB: {@code ORDERS_STORE=dynamodb}. */
@Singleton
@Component(modules = {UseCaseModule.class, SystemModule.class, LocalServerModule.class, DynamoDbStoreModule.class})
public interface DynamoDbLocalServerComponent extends LocalServerComponent {

    static LocalServerComponent create(LocalServerSettings settings) {
        return DaggerDynamoDbLocalServerComponent.factory().create(settings);
    }

    /** Builds the component from the settings read at start-up. */
    @Component.Factory
    interface Factory {
        DynamoDbLocalServerComponent create(@BindsInstance LocalServerSettings settings);
    }
}
