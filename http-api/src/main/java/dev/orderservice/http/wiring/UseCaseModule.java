package dev.orderservice.http.wiring;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dev.orderservice.core.application.ApplyOrderEventService;
import dev.orderservice.core.application.CancelOrderService;
import dev.orderservice.core.application.GetOrderService;
import dev.orderservice.core.application.ListOrdersService;
import dev.orderservice.core.application.ListProductsService;
import dev.orderservice.core.application.PlaceOrderService;
import dev.orderservice.core.port.in.ApplyOrderEventUseCase;
import dev.orderservice.core.port.in.CancelOrderUseCase;
import dev.orderservice.core.port.in.GetOrderUseCase;
import dev.orderservice.core.port.in.ListOrdersUseCase;
import dev.orderservice.core.port.in.ListProductsUseCase;
import dev.orderservice.core.port.in.PlaceOrderUseCase;
import dev.orderservice.http.OrderHttpApi;

/**
 * Binds each in-port to the core's service, for every Dagger component that serves the API.
 *
 * <p>A component that includes it provides the out-ports {@code OrderRepository}, {@code ProductCatalog} and
 * {@code PricingPolicy}; {@link SystemModule} provides the clock and the order id generator.
 */
@Module
public interface UseCaseModule {

    @Binds
    PlaceOrderUseCase placeOrder(PlaceOrderService service);

    @Binds
    GetOrderUseCase getOrder(GetOrderService service);

    @Binds
    ListOrdersUseCase listOrders(ListOrdersService service);

    @Binds
    CancelOrderUseCase cancelOrder(CancelOrderService service);

    @Binds
    ApplyOrderEventUseCase applyEvent(ApplyOrderEventService service);

    @Binds
    ListProductsUseCase listProducts(ListProductsService service);

    @Provides
    static OrderHttpApi.UseCases useCases(PlaceOrderUseCase placeOrder, GetOrderUseCase getOrder,
            ListOrdersUseCase listOrders, CancelOrderUseCase cancelOrder, ApplyOrderEventUseCase applyEvent,
            ListProductsUseCase listProducts) {
        return new OrderHttpApi.UseCases(placeOrder, getOrder, listOrders, cancelOrder, applyEvent, listProducts);
    }
}
