package dev.orderservice.lambda;

import dagger.BindsInstance;
import dagger.Component;
import dev.orderservice.core.port.in.ApplyOrderEventUseCase;
import dev.orderservice.core.port.in.PlaceOrderUseCase;
import dev.orderservice.core.port.out.OrderRepository;
import dev.orderservice.http.OrderHttpApi;
import dev.orderservice.http.wiring.SystemModule;
import dev.orderservice.http.wiring.UseCaseModule;
import jakarta.inject.Singleton;
import java.util.Map;

/** Everything a Lambda function serves with, built once per execution environment from its variables. */
@Singleton
@Component(modules = {UseCaseModule.class, SystemModule.class, LambdaModule.class})
public interface LambdaComponent {

    /**
     * Builds the component from environment variables, as {@link LambdaSettings} describes them, logging
     * warnings about the settings to standard output.
     *
     * @throws IllegalArgumentException naming the variable to fix when one is not valid
     */
    static LambdaComponent create(Map<String, String> environment) {
        return create(environment, InvocationLog.toStandardOutput());
    }

    static LambdaComponent create(Map<String, String> environment, InvocationLog log) {
        return DaggerLambdaComponent.factory().create(LambdaSettings.fromEnvironment(environment), log);
    }

    OrderHttpApi api();

    /** Returns the event intake, which the HTTP API does not offer on Lambda, for tests and other entry points. */
    ApplyOrderEventUseCase applyEvent();

    OrderRepository orderRepository();

    /** Returns the placement use case, which the S3 import calls for each line of an imported object. */
    PlaceOrderUseCase placeOrder();

    /** Builds the component from the settings and the log that reports their warnings. */
    @Component.Factory
    interface Factory {
        LambdaComponent create(@BindsInstance LambdaSettings settings, @BindsInstance InvocationLog log);
    }
}
