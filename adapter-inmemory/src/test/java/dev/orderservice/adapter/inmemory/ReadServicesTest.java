package dev.orderservice.adapter.inmemory;

import static dev.orderservice.core.port.out.contract.TestOrders.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderservice.core.application.GetOrderService;
import dev.orderservice.core.application.ListOrdersService;
import dev.orderservice.core.application.ListProductsService;
import dev.orderservice.core.domain.CustomerId;
import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.OrderException;
import dev.orderservice.core.domain.OrderException.Reason;
import dev.orderservice.core.domain.OrderId;
import dev.orderservice.core.port.in.ListOrdersQuery;
import dev.orderservice.core.port.out.OrderPage;
import dev.orderservice.core.port.out.contract.TestOrders;
import org.junit.jupiter.api.Test;

class ReadServicesTest {

    private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
    private final CustomerId customer = TestOrders.uniqueCustomer();

    @Test
    void get_returns_the_stored_order() {
        Order order = stored(anOrder().customer(customer).build());

        assertThat(new GetOrderService(orders).get(order.id())).isEqualTo(order);
    }

    @Test
    void get_of_an_unknown_order_is_not_found() {
        OrderId unknown = OrderId.random();

        assertThatThrownBy(() -> new GetOrderService(orders).get(unknown))
                .isInstanceOfSatisfying(OrderException.class,
                        thrown -> assertThat(thrown.reason()).isEqualTo(Reason.NOT_FOUND))
                .hasMessageContaining(unknown.value());
    }

    @Test
    void list_pages_with_the_cursor() {
        Order older = stored(anOrder().customer(customer).createdAt(TestOrders.CREATED_AT).build());
        Order newer = stored(anOrder().customer(customer).createdAt(TestOrders.CREATED_AT.plusSeconds(1)).build());
        ListOrdersService service = new ListOrdersService(orders);

        OrderPage first = service.list(new ListOrdersQuery(customer, 1, null));
        OrderPage second = service.list(new ListOrdersQuery(customer, 1, first.nextCursor().orElseThrow()));

        assertThat(first.orders()).containsExactly(newer);
        assertThat(second.orders()).containsExactly(older);
        assertThat(second.nextCursor()).isEmpty();
    }

    @Test
    void list_products_returns_the_catalog_in_sku_order() {
        ListProductsService service = new ListProductsService(new InMemoryProductCatalog(DemoCatalog.products()));

        assertThat(service.listProducts()).containsExactlyElementsOf(DemoCatalog.products());
    }

    private Order stored(Order order) {
        orders.createIfAbsent(order, "fingerprint");
        return order;
    }
}
