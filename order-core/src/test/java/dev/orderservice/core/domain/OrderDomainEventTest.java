package dev.orderservice.core.domain;

import static dev.orderservice.core.port.out.contract.TestOrders.CREATED_AT;
import static dev.orderservice.core.port.out.contract.TestOrders.JPY;
import static dev.orderservice.core.port.out.contract.TestOrders.anOrder;
import static dev.orderservice.core.port.out.contract.TestOrders.eventFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderservice.core.domain.OrderDomainEvent.Type;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class OrderDomainEventTest {

    @Test
    void new_order_announces_order_placed() {
        Order placed = anOrder().build();

        Optional<OrderDomainEvent> event = OrderDomainEvent.forChange(null, placed);

        assertThat(event).contains(new OrderDomainEvent(Type.ORDER_PLACED, placed.id(), placed.customerId(),
                Money.parse("61.81", placed.currency()), 1, CREATED_AT));
    }

    @ParameterizedTest(name = "{0} to {1}: {2}")
    @CsvSource({
        "PLACED,    PAID,      ORDER_PAID",
        "PLACED,    CANCELLED, ORDER_CANCELLED",
        "PAID,      SHIPPED,   ORDER_SHIPPED",
        "PAID,      CANCELLED, ORDER_CANCELLED",
        "SHIPPED,   DELIVERED, ORDER_DELIVERED"})
    void status_change_announces_new_status(OrderStatus from, OrderStatus to, Type expected) {
        Order before = anOrder().status(from).build();
        Order after = moved(before, to);

        OrderDomainEvent event = OrderDomainEvent.forChange(before, after).orElseThrow();

        assertThat(event.type()).isEqualTo(expected);
        assertThat(event.orderId()).isEqualTo(after.id());
        assertThat(event.customerId()).isEqualTo(after.customerId());
        assertThat(event.total()).isEqualTo(after.totals().total());
        assertThat(event.version()).isEqualTo(before.version() + 1);
        assertThat(event.occurredAt()).isEqualTo(after.updatedAt());
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void same_status_announces_nothing(OrderStatus status) {
        Order order = anOrder().status(status).build();
        Order sameStatusNewVersion = new Order(order.id(), order.customerId(), order.status(), order.currency(),
                order.lines(), order.totals(), order.createdAt(), order.updatedAt().plusSeconds(5),
                order.version() + 1, order.cancellationReason().orElse(null), order.appliedEventIds());

        assertThat(OrderDomainEvent.forChange(order, sameStatusNewVersion)).isEmpty();
        assertThat(OrderDomainEvent.forChange(order, order)).isEmpty();
    }

    @Test
    void new_shipped_order_announces_order_shipped() {
        Order shipped = anOrder().status(OrderStatus.SHIPPED).build();

        assertThat(OrderDomainEvent.forChange(null, shipped).orElseThrow().type()).isEqualTo(Type.ORDER_SHIPPED);
    }

    @Test
    void total_keeps_minor_unit_digits() {
        Order yen = anOrder().currency(JPY).build();

        OrderDomainEvent event = OrderDomainEvent.announcing(yen);

        assertThat(event.total().toPlainString()).isEqualTo("4308");
        assertThat(event.total().currency()).isEqualTo(JPY);
    }

    @Test
    void every_status_has_exactly_one_event_type() {
        for (OrderStatus status : OrderStatus.values()) {
            assertThat(Type.announcing(status).status()).isEqualTo(status);
        }
        assertThat(Type.values()).extracting(Type::wireName).containsExactly("OrderPlaced", "OrderPaid",
                "OrderShipped", "OrderDelivered", "OrderCancelled");
    }

    @Test
    void change_between_two_orders_is_rejected() {
        Order one = anOrder().build();
        Order other = anOrder().status(OrderStatus.PAID).build();

        assertThatThrownBy(() -> OrderDomainEvent.forChange(one, other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(one.id().value());
    }

    @Test
    void version_below_1_is_rejected() {
        Order order = anOrder().build();

        assertThatThrownBy(() -> new OrderDomainEvent(Type.ORDER_PLACED, order.id(), order.customerId(),
                order.totals().total(), 0, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Order moved(Order order, OrderStatus to) {
        Instant later = order.updatedAt().plusSeconds(60);
        if (to == OrderStatus.CANCELLED) {
            return order.cancel("changed my mind", later);
        }
        OrderEventType type = switch (to) {
            case PAID -> OrderEventType.PAYMENT_CAPTURED;
            case SHIPPED -> OrderEventType.ORDER_SHIPPED;
            case DELIVERED -> OrderEventType.ORDER_DELIVERED;
            default -> throw new IllegalArgumentException("no event moves an order to " + to);
        };
        return order.apply(eventFor(order, type), later);
    }
}
