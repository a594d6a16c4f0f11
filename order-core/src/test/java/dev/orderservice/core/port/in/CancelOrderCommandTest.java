package dev.orderservice.core.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.OrderException;
import dev.orderservice.core.domain.OrderException.Reason;
import dev.orderservice.core.domain.OrderException.Violation;
import dev.orderservice.core.domain.OrderId;
import org.junit.jupiter.api.Test;

class CancelOrderCommandTest {

    private final OrderId orderId = OrderId.random();

    @Test
    void reason_and_version_are_optional() {
        CancelOrderCommand command = new CancelOrderCommand(orderId, null, null);

        assertThat(command.reason()).isEmpty();
        assertThat(command.expectedVersion()).isEmpty();
    }

    @Test
    void reason_of_500_characters_is_accepted() {
        String reason = "r".repeat(Order.MAX_REASON_LENGTH);

        CancelOrderCommand command = new CancelOrderCommand(orderId, reason, 3L);

        assertThat(command.reason()).contains(reason);
        assertThat(command.expectedVersion()).hasValue(3);
    }

    @Test
    void reason_over_500_characters_is_invalid() {
        String reason = "r".repeat(Order.MAX_REASON_LENGTH + 1);

        assertThatThrownBy(() -> new CancelOrderCommand(orderId, reason, null))
                .isInstanceOfSatisfying(OrderException.class, thrown -> {
                    assertThat(thrown.reason()).isEqualTo(Reason.INVALID);
                    assertThat(thrown.violations()).extracting(Violation::field).containsExactly("reason");
                });
    }
}
