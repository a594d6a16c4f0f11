package dev.orderservice.adapter.inmemory;

import static dev.orderservice.core.port.out.contract.TestOrders.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.OrderException;
import dev.orderservice.core.domain.OrderException.Reason;
import dev.orderservice.core.port.out.CursorSigner;
import dev.orderservice.core.port.out.OrderRepository;
import dev.orderservice.core.port.out.contract.OrderRepositoryContract;
import dev.orderservice.core.port.out.contract.TestOrders;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InMemoryOrderRepositoryTest extends OrderRepositoryContract {

    private final CursorSigner signer = new CursorSigner("in-memory test secret".getBytes(StandardCharsets.UTF_8));

    @Override
    protected OrderRepository newRepository() {
        return new InMemoryOrderRepository(signer);
    }

    @Test
    void cursor_outlives_a_repository_with_the_same_signer() {
        createOrders(2);
        String cursor = repository.findByCustomer(customer, 1, null).nextCursor().orElseThrow();

        InMemoryOrderRepository sameSigner = new InMemoryOrderRepository(signer);

        assertThat(sameSigner.findByCustomer(customer, 1, cursor).orders()).isEmpty();
    }

    @Test
    void random_secret_cursor_is_invalid_elsewhere() {
        InMemoryOrderRepository randomSecret = new InMemoryOrderRepository();
        for (int i = 0; i < 2; i++) {
            randomSecret.createIfAbsent(anOrder().customer(customer).build(), "fingerprint");
        }
        String cursor = randomSecret.findByCustomer(customer, 1, null).nextCursor().orElseThrow();

        assertThatThrownBy(() -> repository.findByCustomer(customer, 1, cursor))
                .isInstanceOfSatisfying(OrderException.class,
                        thrown -> assertThat(thrown.reason()).isEqualTo(Reason.INVALID));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "no-separator", "not-a-time 0b7e5f1c-3a3e-4c1e-9d0f-5d8f1a2b3c4d",
        "2026-12-04T19:00:00.123Z not-an-id", "2026-12-04T19:00:00.123Z "})
    void signed_position_of_another_format_is_invalid(String position) {
        String cursor = signer.sign(customer, position);

        assertThatThrownBy(() -> repository.findByCustomer(customer, 1, cursor))
                .isInstanceOfSatisfying(OrderException.class,
                        thrown -> assertThat(thrown.reason()).isEqualTo(Reason.INVALID));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 101})
    void limit_outside_1_to_100_is_rejected(int limit) {
        assertThatThrownBy(() -> repository.findByCustomer(customer, limit, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(limit));
    }

    @Test
    void update_cannot_move_an_order_to_another_customer() {
        Order placed = createOrders(1);
        Order moved = anOrder().id(placed.id()).customer(TestOrders.uniqueCustomer()).build()
                .cancel(null, placed.createdAt());

        assertThatThrownBy(() -> repository.update(moved, placed.version()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(placed.id().value());
        assertThat(repository.findById(placed.id())).contains(placed);
    }

    /** Creates orders one millisecond apart and returns the newest. */
    private Order createOrders(int count) {
        Order order = null;
        for (int i = 0; i < count; i++) {
            order = anOrder().customer(customer).createdAt(TestOrders.CREATED_AT.plusMillis(i)).build();
            repository.createIfAbsent(order, "fingerprint");
        }
        return order;
    }
}
