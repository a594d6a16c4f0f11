package dev.orderservice.local;

import dagger.BindsInstance;
import dagger.Component;
import dev.orderservice.http.wiring.SystemModule;
import dev.orderservice.http.wiring.UseCaseModule;
import jakarta.inject.Singleton;

/** The local server on the in-memory store. */
@Singleton
@Component(modules = {UseCaseModule.class, SystemModule.class, LocalServerModule.class, InMemoryStoreModule.class})
public interface InMemoryLocalServerComponent extends LocalServerComponent {

    static LocalServerComponent create(LocalServerSettings settings) {
        return DaggerInMemoryLocalServerComponent.factory().create(settings);
    }

    /** Builds the component from the settings read at start-up. */
    @Component.Factory
    interface Factory {
        InMemoryLocalServerComponent create(@BindsInstance LocalServerSettings settings);
    }
}
