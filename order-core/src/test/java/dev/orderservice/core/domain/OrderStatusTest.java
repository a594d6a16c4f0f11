package dev.orderservice.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class OrderStatusTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
        "PLACED,    PLACED,    false",
        "PLACED,    PAID,      true",
        "PLACED,    SHIPPED,   false",
        "PLACED,    DELIVERED, false",
        "PLACED,    CANCELLED, true",
        "PAID,      PLACED,    false",
        "PAID,      PAID,      false",
        "PAID,      SHIPPED,   true",
        "PAID,      DELIVERED, false",
        "PAID,      CANCELLED, true",
        "SHIPPED,   PLACED,    false",
        "SHIPPED,   PAID,      false",
        "SHIPPED,   SHIPPED,   false",
        "SHIPPED,   DELIVERED, true",
        "SHIPPED,   CANCELLED, false",
        "DELIVERED, PLACED,    false",
        "DELIVERED, PAID,      false",
        "DELIVERED, SHIPPED,   false",
        "DELIVERED, DELIVERED, false",
        "DELIVERED, CANCELLED, false",
        "CANCELLED, PLACED,    false",
        "CANCELLED, PAID,      false",
        "CANCELLED, SHIPPED,   false",
        "CANCELLED, DELIVERED, false",
        "CANCELLED, CANCELLED, false"})
    void can_move_to_allows_only_the_life_cycle(OrderStatus from, OrderStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void only_delivered_and_cancelled_are_final(OrderStatus status) {
        boolean expected = status == OrderStatus.DELIVERED || status == OrderStatus.CANCELLED;

        assertThat(status.isFinal()).isEqualTo(expected);
    }
}
