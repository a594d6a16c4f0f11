package dev.orderservice.adapter.dynamodb;

import static dev.orderservice.core.port.out.contract.TestOrders.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.OrderStatus;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class OrdersTableItemsTest {

    @Test
    void item_as_written_reads_back_equal() {
        Order order = anOrder().status(OrderStatus.CANCELLED).build();

        Order read = OrdersTableItems.toOrder(OrderItems.toItem(order, "fingerprint"));

        assertThat(read).isEqualTo(order);
    }

    @Test
    void attributes_not_written_by_adapter_are_ignored() {
        Order order = anOrder().build();
        Map<String, AttributeValue> item = new HashMap<>(OrderItems.toItem(order, "fingerprint"));
        item.put("expiresAt", AttributeValue.fromN("1796000000"));

        assertThat(OrdersTableItems.toOrder(item)).isEqualTo(order);
    }

    @Test
    void item_without_order_attributes_is_rejected() {
        Map<String, AttributeValue> keysOnly = Map.of("orderId", AttributeValue.fromS(anOrder().build().id().value()));

        assertThatThrownBy(() -> OrdersTableItems.toOrder(keysOnly))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no attribute");
    }
}
