package dev.orderservice.core.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderservice.core.domain.CustomerId;
import dev.orderservice.core.domain.OrderException;
import dev.orderservice.core.domain.OrderException.Reason;
import dev.orderservice.core.domain.OrderException.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListOrdersQueryTest {

    private final CustomerId customer = new CustomerId("cust-42");

    @ParameterizedTest
    @ValueSource(ints = {1, 20, 100})
    void limit_from_1_to_100_is_accepted(int limit) {
        ListOrdersQuery query = new ListOrdersQuery(customer, limit, null);

        assertThat(query.limit()).isEqualTo(limit);
        assertThat(query.cursor()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 101, Integer.MAX_VALUE})
    void limit_outside_1_to_100_is_invalid(int limit) {
        assertThatThrownBy(() -> new ListOrdersQuery(customer, limit, null))
                .isInstanceOfSatisfying(OrderException.class, thrown -> {
                    assertThat(thrown.reason()).isEqualTo(Reason.INVALID);
                    assertThat(thrown.violations()).extracting(Violation::field).containsExactly("limit");
                });
    }

    @Test
    void cursor_is_kept_as_given() {
        ListOrdersQuery query = new ListOrdersQuery(customer, ListOrdersQuery.DEFAULT_LIMIT, "abc.def");

        assertThat(query.cursor()).contains("abc.def");
    }
}
