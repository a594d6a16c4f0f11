package dev.orderservice.adapter.inmemory;

import static dev.orderservice.core.port.out.contract.TestOrders.anOrder;
import static dev.orderservice.core.port.out.contract.TestOrders.eventFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderservice.core.application.ApplyOrderEventService;
import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.OrderEvent;
import dev.orderservice.core.domain.OrderEventType;
import dev.orderservice.core.domain.OrderException;
import dev.orderservice.core.domain.OrderException.Reason;
import dev.orderservice.core.domain.OrderId;
import dev.orderservice.core.domain.OrderStatus;
import dev.orderservice.core.port.in.ApplyOrderEventUseCase.AppliedEvent;
import dev.orderservice.core.port.out.contract.TestOrders;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApplyOrderEventServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00.500999Z");

    private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
    private final MutableClock clock = new MutableClock(NOW);
    private final ApplyOrderEventService service = new ApplyOrderEventService(orders, clock);

    @Test
    void payment_capture_moves_a_placed_order_to_paid() {
        Order placed = stored(anOrder().build());
        OrderEvent captured = eventFor(placed, OrderEventType.PAYMENT_CAPTURED);

        AppliedEvent applied = service.apply(captured);

        Order paid = applied.order();
        assertThat(applied.repeated()).isFalse();
        assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
        assertThat(paid.version()).isEqualTo(2);
        assertThat(paid.updatedAt()).isEqualTo(Instant.parse("2026-12-05T10:00:00.500Z"));
        assertThat(paid.appliedEventIds()).containsExactly(captured.eventId());
        assertThat(orders.findById(placed.id())).contains(paid);
    }

    @Test
    void events_move_an_order_through_its_life_cycle() {
        Order placed = stored(anOrder().build());

        service.apply(eventFor(placed, OrderEventType.PAYMENT_CAPTURED));
        clock.advance(Duration.ofHours(1));
        service.apply(eventFor(placed, OrderEventType.ORDER_SHIPPED));
        clock.advance(Duration.ofDays(2));
        Order delivered = service.apply(eventFor(placed, OrderEventType.ORDER_DELIVERED)).order();

        assertThat(delivered.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(delivered.version()).isEqualTo(4);
        assertThat(delivered.appliedEventIds()).hasSize(3);
        assertThat(orders.findById(placed.id())).contains(delivered);
    }

    @Test
    void repeated_event_changes_nothing() {
        Order placed = stored(anOrder().build());
        OrderEvent captured = eventFor(placed, OrderEventType.PAYMENT_CAPTURED);
        Order paid = service.apply(captured).order();
        clock.advance(Duration.ofMinutes(1));

        AppliedEvent again = service.apply(captured);

        assertThat(again.repeated()).isTrue();
        assertThat(again.order()).isEqualTo(paid);
        assertThat(orders.findById(placed.id())).contains(paid);
    }

    @Test
    void event_of_a_reached_status_is_a_repeat() {
        Order paid = stored(anOrder().status(OrderStatus.PAID).build());

        AppliedEvent again = service.apply(eventFor(paid, OrderEventType.PAYMENT_CAPTURED));

        assertThat(again.repeated()).isTrue();
        assertThat(again.order()).isEqualTo(paid);
        assertThat(orders.findById(paid.id())).contains(paid);
    }

    @Test
    void event_a_rival_applied_first_is_a_repeat() {
        RacingOrderRepository racing = new RacingOrderRepository();
        ApplyOrderEventService racingService = new ApplyOrderEventService(racing, clock);
        Order placed = anOrder().build();
        racing.createIfAbsent(placed, "fingerprint");
        racing.raceNextUpdates(1, current -> current.apply(eventFor(current, OrderEventType.PAYMENT_CAPTURED), NOW));

        AppliedEvent applied = racingService.apply(eventFor(placed, OrderEventType.PAYMENT_CAPTURED));

        assertThat(applied.repeated()).isTrue();
        assertThat(applied.order().status()).isEqualTo(OrderStatus.PAID);
        assertThat(applied.order().version()).isEqualTo(2);
        assertThat(racing.updateCalls()).isEqualTo(1);
    }

    @Test
    void event_that_skips_a_step_conflicts() {
        Order placed = stored(anOrder().build());

        assertThatThrownBy(() -> service.apply(eventFor(placed, OrderEventType.ORDER_SHIPPED)))
                .isInstanceOfSatisfying(OrderException.class,
                        thrown -> assertThat(thrown.reason()).isEqualTo(Reason.CONFLICT));
        assertThat(orders.findById(placed.id())).contains(placed);
    }

    @Test
    void payment_failure_cancels_a_placed_order() {
        Order placed = stored(anOrder().build());

        Order cancelled = service.apply(eventFor(placed, OrderEventType.PAYMENT_FAILED)).order();

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.cancellationReason()).contains(Order.PAYMENT_FAILED_REASON);
    }

    @Test
    void late_payment_failure_conflicts_with_a_paid_order() {
        Order paid = stored(anOrder().status(OrderStatus.PAID).build());

        assertThatThrownBy(() -> service.apply(eventFor(paid, OrderEventType.PAYMENT_FAILED)))
                .isInstanceOfSatisfying(OrderException.class,
                        thrown -> assertThat(thrown.reason()).isEqualTo(Reason.CONFLICT));
        assertThat(orders.findById(paid.id())).contains(paid);
    }

    @Test
    void event_for_an_unknown_order_is_not_found() {
        OrderEvent event = new OrderEvent("evt-1", OrderEventType.PAYMENT_CAPTURED, OrderId.random(),
                TestOrders.CREATED_AT);

        assertThatThrownBy(() -> service.apply(event))
                .isInstanceOfSatisfying(OrderException.class,
                        thrown -> assertThat(thrown.reason()).isEqualTo(Reason.NOT_FOUND));
    }

    private Order stored(Order order) {
        orders.createIfAbsent(order, "fingerprint");
        return order;
    }
}
