package dev.orderservice.adapter.dynamodb;

import dev.orderservice.core.application.ApplyOrderEventService;
import dev.orderservice.core.application.CancelOrderService;
import dev.orderservice.core.application.GetOrderService;
import dev.orderservice.core.application.ListOrdersService;
import dev.orderservice.core.application.PlaceOrderService;
import dev.orderservice.core.domain.Money;
import dev.orderservice.core.domain.PricingPolicy;
import dev.orderservice.core.domain.Product;
import dev.orderservice.core.domain.Sku;
import dev.orderservice.core.port.in.PlaceOrderCommand;
import dev.orderservice.core.port.out.OrderIdGenerator;
import java.time.Clock;
import java.util.List;

/** The core's use cases over one store, as a deployment wires them, and a small catalog to place orders from. */
record UseCases(PlaceOrderService place, GetOrderService get, ListOrdersService list, CancelOrderService cancel,
        ApplyOrderEventService applyEvent) {

    static final Product MUG = new Product(new Sku("SKU-MUG-01"), "Ceramic Mug",
            Money.parse("12.50", TestOrders.USD), true);
    static final Product T_SHIRT = new Product(new Sku("SKU-TSHIRT-M"), "Cotton T-Shirt (M)",
            Money.parse("19.99", TestOrders.USD), true);
    static final Product UMBRELLA = new Product(new Sku("SKU-UMBRELLA"), "Travel Umbrella",
            Money.parse("24.00", TestOrders.USD), false);
    static final List<Product> CATALOG = List.of(MUG, T_SHIRT, UMBRELLA);

    static UseCases over(DynamoDbStore store) {
        Clock clock = Clock.systemUTC();
        return new UseCases(
                new PlaceOrderService(store.orderRepository(), store.productCatalog(), PricingPolicy.demo(),
                        OrderIdGenerator.random(), clock),
                new GetOrderService(store.orderRepository()),
                new ListOrdersService(store.orderRepository()),
                new CancelOrderService(store.orderRepository(), clock),
                new ApplyOrderEventService(store.orderRepository(), clock));
    }

    /** Returns a command for two mugs and a T-shirt, with the given idempotency key or {@code null}. */
    static PlaceOrderCommand mugsAndShirt(String customerId, String idempotencyKey) {
        return PlaceOrderCommand.of(customerId, "USD", List.of(
                new PlaceOrderCommand.RawItem(MUG.sku().value(), 2L),
                new PlaceOrderCommand.RawItem(T_SHIRT.sku().value(), 1L)), idempotencyKey);
    }
}
