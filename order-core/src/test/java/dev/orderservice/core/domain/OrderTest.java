package dev.orderservice.core.domain;

import static dev.orderservice.core.port.out.contract.TestOrders.CREATED_AT;
import static dev.orderservice.core.port.out.contract.TestOrders.JPY;
import static dev.orderservice.core.port.out.contract.TestOrders.USD;
import static dev.orderservice.core.port.out.contract.TestOrders.anOrder;
import static dev.orderservice.core.port.out.contract.TestOrders.eventFor;
import static dev.orderservice.core.port.out.contract.TestOrders.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderservice.core.domain.OrderException.Reason;
import dev.orderservice.core.port.out.contract.TestOrders;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class OrderTest {

    private static final Instant LATER = CREATED_AT.plusSeconds(3600);

    /** What applying an event does to an order. */
    enum Outcome { MOVES, UNCHANGED, CONFLICT }

    @Test
    void place_starts_a_placed_order_at_version_1() {
        Order order = anOrder().build();

        assertThat(order.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(order.version()).isEqualTo(1);
        assertThat(order.createdAt()).isEqualTo(CREATED_AT);
        assertThat(order.updatedAt()).isEqualTo(CREATED_AT);
        assertThat(order.cancellationReason()).isEmpty();
        assertThat(order.appliedEventIds()).isEmpty();
        assertThat(order.currency()).isEqualTo(USD);
        assertThat(order.totals().total().toPlainString()).isEqualTo("61.81");
    }

    @Test
    void event_id_reused_for_another_type_is_a_conflict() {
        Order placed = anOrder().build();
        Order paid = placed.apply(new OrderEvent("evt-1", OrderEventType.PAYMENT_CAPTURED, placed.id(), LATER), LATER);
        Order shipped = paid.apply(new OrderEvent("evt-2", OrderEventType.ORDER_SHIPPED, paid.id(), LATER), LATER);
        OrderEvent reused = new OrderEvent("evt-1", OrderEventType.ORDER_DELIVERED, shipped.id(), LATER);

        assertThatThrownBy(() -> shipped.apply(reused, LATER))
                .isInstanceOfSatisfying(OrderException.class,
                        thrown -> assertThat(thrown.reason()).isEqualTo(Reason.CONFLICT))
                .hasMessageContaining("evt-1");
    }

    @Test
    void event_id_repeated_after_later_steps_changes_nothing() {
        Order placed = anOrder().build();
        OrderEvent captured = new OrderEvent("evt-1", OrderEventType.PAYMENT_CAPTURED, placed.id(), LATER);
        Order paid = placed.apply(captured, LATER);
        Order shipped = paid.apply(new OrderEvent("evt-2", OrderEventType.ORDER_SHIPPED, paid.id(), LATER), LATER);

        assertThat(shipped.apply(captured, LATER)).isSameAs(shipped);
    }

    @ParameterizedTest(name = "{0} on a {1} order: {2}")
    @CsvSource({
        "PAYMENT_CAPTURED, PLACED,    MOVES",
        "PAYMENT_CAPTURED, PAID,      UNCHANGED",
        "PAYMENT_CAPTURED, SHIPPED,   CONFLICT",
        "PAYMENT_CAPTURED, DELIVERED, CONFLICT",
        "PAYMENT_CAPTURED, CANCELLED, CONFLICT",
        "PAYMENT_FAILED,   PLACED,    MOVES",
        "PAYMENT_FAILED,   PAID,      CONFLICT",
        "PAYMENT_FAILED,   SHIPPED,   CONFLICT",
        "PAYMENT_FAILED,   DELIVERED, CONFLICT",
        "PAYMENT_FAILED,   CANCELLED, UNCHANGED",
        "ORDER_SHIPPED,    PLACED,    CONFLICT",
        "ORDER_SHIPPED,    PAID,      MOVES",
        "ORDER_SHIPPED,    SHIPPED,   UNCHANGED",
        "ORDER_SHIPPED,    DELIVERED, CONFLICT",
        "ORDER_SHIPPED,    CANCELLED, CONFLICT",
        "ORDER_DELIVERED,  PLACED,    CONFLICT",
        "ORDER_DELIVERED,  PAID,      CONFLICT",
        "ORDER_DELIVERED,  SHIPPED,   MOVES",
        "ORDER_DELIVERED,  DELIVERED, UNCHANGED",
        "ORDER_DELIVERED,  CANCELLED, CONFLICT"})
    void apply_follows_the_life_cycle(OrderEventType type, OrderStatus from, Outcome outcome) {
        Order order = anOrder().status(from).build();
        OrderEvent event = eventFor(order, type);

        switch (outcome) {
            case MOVES -> {
                Order moved = order.apply(event, LATER);

                assertThat(moved.status()).isEqualTo(type.target());
                assertThat(moved.version()).isEqualTo(order.version() + 1);
                assertThat(moved.updatedAt()).isEqualTo(LATER);
                assertThat(moved.createdAt()).isEqualTo(order.createdAt());
                assertThat(moved.appliedEventIds()).endsWith(event.eventId());
            }
            case UNCHANGED -> assertThat(order.apply(event, LATER)).isSameAs(order);
            case CONFLICT -> assertThatThrownBy(() -> order.apply(event, LATER))
                    .isInstanceOfSatisfying(OrderException.class,
                            thrown -> assertThat(thrown.reason()).isEqualTo(Reason.CONFLICT))
                    .hasMessageContaining(order.id().value())
                    .hasMessageContaining(type.wireName());
        }
    }

    @Test
    void apply_keeps_lines_totals_and_customer() {
        Order placed = anOrder().build();

        Order paid = placed.apply(eventFor(placed, OrderEventType.PAYMENT_CAPTURED), LATER);

        assertThat(paid.id()).isEqualTo(placed.id());
        assertThat(paid.customerId()).isEqualTo(placed.customerId());
        assertThat(paid.lines()).isEqualTo(placed.lines());
        assertThat(paid.totals()).isEqualTo(placed.totals());
    }

    @Test
    void repeated_event_id_is_a_no_op() {
        Order placed = anOrder().build();
        OrderEvent captured = eventFor(placed, OrderEventType.PAYMENT_CAPTURED);
        Order paid = placed.apply(captured, LATER);

        Order again = paid.apply(captured, LATER.plusSeconds(1));

        assertThat(again).isSameAs(paid);
    }

    @Test
    void old_event_id_after_shipping_is_no_op() {
        Order placed = anOrder().build();
        OrderEvent captured = eventFor(placed, OrderEventType.PAYMENT_CAPTURED);
        Order shipped = placed.apply(captured, LATER)
                .apply(eventFor(placed, OrderEventType.ORDER_SHIPPED), LATER.plusSeconds(1));

        Order again = shipped.apply(captured, LATER.plusSeconds(2));

        assertThat(again).isSameAs(shipped);
    }

    @Test
    void event_with_same_effect_is_no_op() {
        Order paid = anOrder().status(OrderStatus.PAID).build();

        Order again = paid.apply(eventFor(paid, OrderEventType.PAYMENT_CAPTURED), LATER);

        assertThat(again).isSameAs(paid);
    }

    @Test
    void payment_failure_cancels_placed_order() {
        Order placed = anOrder().build();

        Order cancelled = placed.apply(eventFor(placed, OrderEventType.PAYMENT_FAILED), LATER);

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.cancellationReason()).contains(Order.PAYMENT_FAILED_REASON);
    }

    @Test
    void payment_failure_on_paid_order_conflicts() {
        Order paid = anOrder().status(OrderStatus.PAID).build();
        OrderEvent lateFailure = eventFor(paid, OrderEventType.PAYMENT_FAILED);

        assertThatThrownBy(() -> paid.apply(lateFailure, LATER))
                .isInstanceOfSatisfying(OrderException.class,
                        thrown -> assertThat(thrown.reason()).isEqualTo(Reason.CONFLICT));
    }

    @Test
    void updated_at_never_moves_backwards() {
        Order paid = anOrder().status(OrderStatus.PAID).build();
        Instant skewedClock = paid.updatedAt().minusSeconds(30);

        Order shipped = paid.apply(eventFor(paid, OrderEventType.ORDER_SHIPPED), skewedClock);

        assertThat(shipped.updatedAt()).isEqualTo(paid.updatedAt());
        assertThat(shipped.version()).isEqualTo(paid.version() + 1);
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"PLACED", "PAID"})
    void cancel_moves_an_unshipped_order_to_cancelled(OrderStatus from) {
        Order order = anOrder().status(from).build();

        Order cancelled = order.cancel("found it cheaper", LATER);

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.cancellationReason()).contains("found it cheaper");
        assertThat(cancelled.version()).isEqualTo(order.version() + 1);
        assertThat(cancelled.updatedAt()).isEqualTo(LATER);
        assertThat(cancelled.appliedEventIds()).isEqualTo(order.appliedEventIds());
    }

    @Test
    void cancel_without_a_reason_has_none() {
        Order cancelled = anOrder().build().cancel(null, LATER);

        assertThat(cancelled.cancellationReason()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"SHIPPED", "DELIVERED"})
    void cancel_refuses_a_shipped_order(OrderStatus from) {
        Order order = anOrder().status(from).build();

        assertThatThrownBy(() -> order.cancel("too late", LATER))
                .isInstanceOfSatisfying(OrderException.class,
                        thrown -> assertThat(thrown.reason()).isEqualTo(Reason.CONFLICT))
                .hasMessageContaining(from.name());
    }

    @Test
    void cancel_of_a_cancelled_order_returns_it_unchanged() {
        Order cancelled = anOrder().status(OrderStatus.CANCELLED).build();

        assertThat(cancelled.cancel("again", LATER)).isSameAs(cancelled);
    }

    @Test
    void as_placed_restores_the_order_as_placed() {
        Order placed = anOrder().build();
        Order delivered = anOrder().id(placed.id()).status(OrderStatus.DELIVERED).build();

        assertThat(delivered.asPlaced()).isEqualTo(placed);
    }

    @Test
    void as_placed_drops_the_cancellation_reason() {
        Order placed = anOrder().build();

        assertThat(placed.cancel("changed my mind", LATER).asPlaced()).isEqualTo(placed);
    }

    @Test
    void equals_compares_every_field() {
        Order order = anOrder().build();
        Order sameValues = new Order(order.id(), order.customerId(), order.status(), order.currency(),
                new ArrayList<>(order.lines()), order.totals(), order.createdAt(), order.updatedAt(),
                order.version(), null, List.of());
        Order laterUpdate = new Order(order.id(), order.customerId(), order.status(), order.currency(),
                order.lines(), order.totals(), order.createdAt(), LATER, order.version(), null, List.of());
        Order withReason = new Order(order.id(), order.customerId(), order.status(), order.currency(),
                order.lines(), order.totals(), order.createdAt(), order.updatedAt(), order.version(), "reason",
                List.of());

        assertThat(sameValues).isEqualTo(order);
        assertThat(sameValues.hashCode()).isEqualTo(order.hashCode());
        assertThat(laterUpdate).isNotEqualTo(order);
        assertThat(withReason).isNotEqualTo(order);
    }

    @Test
    void lines_are_copied_and_unmodifiable() {
        Order template = anOrder().build();
        List<OrderLine> callersLines = new ArrayList<>(template.lines());
        Order order = new Order(template.id(), template.customerId(), template.status(), template.currency(),
                callersLines, template.totals(), template.createdAt(), template.updatedAt(), 1, null, List.of());

        callersLines.clear();

        assertThat(order.lines()).hasSize(2);
        assertThatThrownBy(() -> order.lines().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void order_without_lines_is_rejected() {
        assertThatThrownBy(() -> anOrder().lines(List.of()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 50 lines");
    }

    @Test
    void order_of_fifty_one_lines_is_rejected() {
        List<OrderLine> lines = new ArrayList<>(TestOrders.longLines(Order.MAX_LINES));
        lines.add(line("SKU-ONE-TOO-MANY", "One too many", 1, "1.00", USD));

        assertThatThrownBy(() -> anOrder().lines(lines).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 50 lines");
    }

    @Test
    void duplicate_sku_lines_are_rejected() {
        List<OrderLine> lines = List.of(line("SKU-MUG-01", "Ceramic Mug", 1, "12.50", USD),
                line("SKU-MUG-01", "Ceramic Mug", 2, "12.50", USD));

        assertThatThrownBy(() -> anOrder().lines(lines).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one line per SKU");
    }

    @Test
    void line_in_another_currency_is_rejected() {
        List<OrderLine> lines = List.of(line("SKU-TEA-01", "Green Tea", 1, "1500", JPY));

        assertThatThrownBy(() -> anOrder().currency(USD).lines(lines).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void order_restored_at_version_0_is_rejected() {
        Order order = anOrder().build();

        assertThatThrownBy(() -> new Order(order.id(), order.customerId(), order.status(), order.currency(),
                order.lines(), order.totals(), order.createdAt(), order.updatedAt(), 0, null, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version");
    }

    @Test
    void order_updated_before_it_was_created_is_rejected() {
        Order order = anOrder().build();
        Instant before = order.createdAt().minusMillis(1);

        assertThatThrownBy(() -> new Order(order.id(), order.customerId(), order.status(), order.currency(),
                order.lines(), order.totals(), order.createdAt(), before, 1, null, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("updatedAt");
    }

    @Test
    void cancellation_reason_over_500_characters_is_rejected() {
        Order order = anOrder().build();
        String longReason = "x".repeat(Order.MAX_REASON_LENGTH + 1);

        assertThatThrownBy(() -> order.cancel(longReason, LATER)).isInstanceOf(IllegalArgumentException.class);
    }
}
