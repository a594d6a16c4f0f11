package dev.orderservice.adapter.dynamodb;

import static dev.orderservice.adapter.dynamodb.TestOrders.NOON;
import static dev.orderservice.adapter.dynamodb.TestOrders.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.OrderEvent;
import dev.orderservice.core.domain.OrderEventType;
import dev.orderservice.core.domain.Product;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class OrderItemSizeTest {

    @RegisterExtension
    static final DynamoDbTestServer dynamoDb = new DynamoDbTestServer();

    /** DynamoDB's limit on the size of one item. */
    private static final long MAX_ITEM_BYTES = 400 * 1024;

    @Test
    void largest_order_stays_far_below_item_limit() {
        Order largest = largestOrder();
        Map<String, AttributeValue> item = OrderItems.toItem(largest, "f".repeat(64));

        long bytes = ItemSize.of(item);

        System.out.println("a 50-line order with 200-character names of 3-byte characters, a 500-character reason"
                + " and 3 event ids is about " + bytes + " bytes, " + (100 * bytes / MAX_ITEM_BYTES)
                + " % of DynamoDB's 400 KB item limit");
        assertThat(largest.lines()).hasSize(Order.MAX_LINES);
        assertThat(bytes).isLessThan(MAX_ITEM_BYTES / 4);
    }

    @Test
    void largest_order_round_trips_through_dynamodb() {
        Order largest = largestOrder();

        try (DynamoDbStore store = DynamoDbStore.create(dynamoDb.newTables())) {
            store.orderRepository().createIfAbsent(largest, "f".repeat(64));

            assertThat(store.orderRepository().findById(largest.id())).contains(largest);
        }
    }

    /** Returns an order at every maximum this service allows: lines, name length, reason length and events. */
    private static Order largestOrder() {
        Order placed = anOrder().lines(Order.MAX_LINES).lineName(largeName()).build();
        Order paid = placed.apply(event("PaymentCaptured", OrderEventType.PAYMENT_CAPTURED, placed), NOON);
        Order shipped = paid.apply(event("OrderShipped", OrderEventType.ORDER_SHIPPED, placed), NOON);
        Order delivered = shipped.apply(event("OrderDelivered", OrderEventType.ORDER_DELIVERED, placed), NOON);
        return new Order(delivered.id(), delivered.customerId(), delivered.status(), delivered.currency(),
                delivered.lines(), delivered.totals(), delivered.createdAt(), delivered.updatedAt(),
                delivered.version(), "r".repeat(Order.MAX_REASON_LENGTH), delivered.appliedEventIds());
    }

    private static OrderEvent event(String prefix, OrderEventType type, Order order) {
        return new OrderEvent((prefix + "-").repeat(20).substring(0, 128), type, order.id(), NOON);
    }

    /** Returns a product name of the maximum length, in characters that each take 3 bytes in UTF-8. */
    private static String largeName() {
        return "傘".repeat(Product.MAX_NAME_LENGTH);
    }
}
