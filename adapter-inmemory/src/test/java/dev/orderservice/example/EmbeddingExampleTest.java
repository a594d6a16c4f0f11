package dev.orderservice.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderservice.adapter.inmemory.DemoCatalog;
import dev.orderservice.adapter.inmemory.InMemoryOrderRepository;
import dev.orderservice.adapter.inmemory.InMemoryProductCatalog;
import dev.orderservice.core.application.CancelOrderService;
import dev.orderservice.core.application.PlaceOrderService;
import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.OrderStatus;
import dev.orderservice.core.domain.PricingPolicy;
import dev.orderservice.core.port.in.CancelOrderCommand;
import dev.orderservice.core.port.in.PlaceOrderCommand;
import dev.orderservice.core.port.in.PlaceOrderCommand.RawItem;
import dev.orderservice.core.port.in.PlaceOrderUseCase;
import dev.orderservice.core.port.out.OrderIdGenerator;
import dev.orderservice.core.port.out.OrderRepository;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's "Embed the core" snippet, kept here so that it compiles and runs with every build. */
class EmbeddingExampleTest {

    @Test
    void readme_snippet_places_and_cancels_an_order() {
        // README snippet starts
        OrderRepository orders = new InMemoryOrderRepository();
        PlaceOrderUseCase placeOrder = new PlaceOrderService(orders,
                new InMemoryProductCatalog(DemoCatalog.products()), PricingPolicy.demo(),
                OrderIdGenerator.random(), Clock.systemUTC());

        PlaceOrderCommand command = PlaceOrderCommand.of("cust-42", "USD",
                List.of(new RawItem("SKU-TSHIRT-M", 2L), new RawItem("SKU-MUG-01", 1L)), "checkout-7f3a");
        Order order = placeOrder.place(command).order();
        System.out.println(order.id() + " " + order.totals().total());   // … 61.81 USD

        Order cancelled = new CancelOrderService(orders, Clock.systemUTC())
                .cancel(new CancelOrderCommand(order.id(), "changed my mind", null));
        // README snippet ends

        assertThat(order.totals().total().toPlainString()).isEqualTo("61.81");
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(orders.findById(order.id())).contains(cancelled);
    }
}
