package dev.orderservice.adapter.inmemory;

import static dev.orderservice.core.port.out.contract.TestOrders.anOrder;
import static dev.orderservice.core.port.out.contract.TestOrders.eventFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderservice.core.application.CancelOrderService;
import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.OrderEventType;
import dev.orderservice.core.domain.OrderException;
import dev.orderservice.core.domain.OrderException.Reason;
import dev.orderservice.core.domain.OrderId;
import dev.orderservice.core.domain.OrderStatus;
import dev.orderservice.core.port.in.CancelOrderCommand;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CancelOrderServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-05T08:30:00.987654Z");

    private final RacingOrderRepository orders = new RacingOrderRepository();
    private final CancelOrderService service = new CancelOrderService(orders, new MutableClock(NOW));

    @Test
    void cancel_moves_a_placed_order_to_cancelled() {
        Order placed = stored(anOrder().build());

        Order cancelled = service.cancel(new CancelOrderCommand(placed.id(), "found it cheaper", null));

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.cancellationReason()).contains("found it cheaper");
        assertThat(cancelled.version()).isEqualTo(2);
        assertThat(cancelled.updatedAt()).isEqualTo(Instant.parse("2026-12-05T08:30:00.987Z"));
        assertThat(orders.findById(placed.id())).contains(cancelled);
    }

    @Test
    void cancel_at_the_stored_version_succeeds() {
        Order paid = stored(anOrder().status(OrderStatus.PAID).build());

        Order cancelled = service.cancel(new CancelOrderCommand(paid.id(), null, paid.version()));

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.version()).isEqualTo(paid.version() + 1);
    }

    @Test
    void cancel_at_a_stale_version_is_rejected() {
        Order paid = stored(anOrder().status(OrderStatus.PAID).build());

        assertThatThrownBy(() -> service.cancel(new CancelOrderCommand(paid.id(), null, paid.version() - 1)))
                .isInstanceOfSatisfying(OrderException.class,
                        thrown -> assertThat(thrown.reason()).isEqualTo(Reason.STALE_VERSION));
        assertThat(orders.findById(paid.id())).contains(paid);
    }

    @Test
    void cancel_of_a_cancelled_order_changes_nothing() {
        Order placed = stored(anOrder().build());
        Order cancelled = service.cancel(new CancelOrderCommand(placed.id(), "first", null));

        Order again = service.cancel(new CancelOrderCommand(placed.id(), "second", null));

        assertThat(again).isEqualTo(cancelled);
        assertThat(orders.findById(placed.id())).contains(cancelled);
    }

    @Test
    void repeated_cancel_at_its_old_version_is_stale() {
        Order placed = stored(anOrder().build());
        Order cancelled = service.cancel(new CancelOrderCommand(placed.id(), "first", placed.version()));

        assertThatThrownBy(() -> service.cancel(new CancelOrderCommand(placed.id(), "second", placed.version())))
                .isInstanceOfSatisfying(OrderException.class,
                        thrown -> assertThat(thrown.reason()).isEqualTo(Reason.STALE_VERSION));
        assertThat(orders.findById(placed.id())).contains(cancelled);
        assertThat(cancelled.cancellationReason()).contains("first");
    }

    @Test
    void repeated_cancel_at_the_current_version_changes_nothing() {
        Order placed = stored(anOrder().build());
        Order cancelled = service.cancel(new CancelOrderCommand(placed.id(), null, placed.version()));

        Order again = service.cancel(new CancelOrderCommand(placed.id(), null, cancelled.version()));

        assertThat(again).isEqualTo(cancelled);
        assertThat(again.version()).isEqualTo(placed.version() + 1);
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"SHIPPED", "DELIVERED"})
    void cancel_refuses_a_shipped_order(OrderStatus status) {
        Order shipped = stored(anOrder().status(status).build());

        assertThatThrownBy(() -> service.cancel(new CancelOrderCommand(shipped.id(), null, null)))
                .isInstanceOfSatisfying(OrderException.class,
                        thrown -> assertThat(thrown.reason()).isEqualTo(Reason.CONFLICT));
        assertThat(orders.findById(shipped.id())).contains(shipped);
    }

    @Test
    void cancel_of_an_unknown_order_is_not_found() {
        OrderId unknown = OrderId.random();

        assertThatThrownBy(() -> service.cancel(new CancelOrderCommand(unknown, null, null)))
                .isInstanceOfSatisfying(OrderException.class,
                        thrown -> assertThat(thrown.reason()).isEqualTo(Reason.NOT_FOUND));
    }

    @Test
    void cancel_decides_again_after_a_concurrent_change() {
        Order placed = stored(anOrder().build());
        orders.raceNextUpdates(1, current -> current.apply(eventFor(current, OrderEventType.PAYMENT_CAPTURED), NOW));

        Order cancelled = service.cancel(new CancelOrderCommand(placed.id(), null, null));

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.version()).isEqualTo(3);
        assertThat(cancelled.appliedEventIds()).hasSize(1);
        assertThat(orders.updateCalls()).isEqualTo(2);
    }

    @Test
    void cancel_after_a_concurrent_shipment_conflicts() {
        Order paid = stored(anOrder().status(OrderStatus.PAID).build());
        orders.raceNextUpdates(1, current -> current.apply(eventFor(current, OrderEventType.ORDER_SHIPPED), NOW));

        assertThatThrownBy(() -> service.cancel(new CancelOrderCommand(paid.id(), null, null)))
                .isInstanceOfSatisfying(OrderException.class,
                        thrown -> assertThat(thrown.reason()).isEqualTo(Reason.CONFLICT));
        assertThat(orders.findById(paid.id()).orElseThrow().status()).isEqualTo(OrderStatus.SHIPPED);
    }

    @Test
    void cancel_at_a_version_overtaken_concurrently_is_rejected() {
        Order placed = stored(anOrder().build());
        orders.raceNextUpdates(1, current -> current.apply(eventFor(current, OrderEventType.PAYMENT_CAPTURED), NOW));

        assertThatThrownBy(() -> service.cancel(new CancelOrderCommand(placed.id(), null, placed.version())))
                .isInstanceOfSatisfying(OrderException.class,
                        thrown -> assertThat(thrown.reason()).isEqualTo(Reason.STALE_VERSION));
        assertThat(orders.findById(placed.id()).orElseThrow().status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void cancel_gives_up_after_three_lost_races() {
        Order placed = stored(anOrder().build());
        orders.raceNextUpdates(3, CancelOrderServiceTest::touch);

        assertThatThrownBy(() -> service.cancel(new CancelOrderCommand(placed.id(), null, null)))
                .isInstanceOfSatisfying(OrderException.class,
                        thrown -> assertThat(thrown.reason()).isEqualTo(Reason.STALE_VERSION));
        assertThat(orders.updateCalls()).isEqualTo(3);
        assertThat(orders.findById(placed.id()).orElseThrow().status()).isEqualTo(OrderStatus.PLACED);
    }

    @Test
    void cancel_wins_after_two_lost_races() {
        Order placed = stored(anOrder().build());
        orders.raceNextUpdates(2, CancelOrderServiceTest::touch);

        Order cancelled = service.cancel(new CancelOrderCommand(placed.id(), null, null));

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.version()).isEqualTo(4);
    }

    private Order stored(Order order) {
        orders.createIfAbsent(order, "fingerprint");
        return order;
    }

    /** Returns the order at the next version with nothing else changed, as a rival writer might store it. */
    private static Order touch(Order order) {
        return new Order(order.id(), order.customerId(), order.status(), order.currency(), order.lines(),
                order.totals(), order.createdAt(), order.updatedAt(), order.version() + 1,
                order.cancellationReason().orElse(null), List.copyOf(order.appliedEventIds()));
    }
}
