package dev.orderservice.adapter.dynamodb;

import dev.orderservice.core.domain.Order;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads orders from items of the orders table that reach the service by another way than this adapter's reads,
 * such as the new and old images of a DynamoDB stream record, which have the item's attributes.
 */
public final class OrdersTableItems {

    private OrdersTableItems() {
    }

    /**
     * Returns the order that an item of the orders table stores. Attributes the adapter does not write, such as
     * a time-to-live attribute, are ignored.
     *
     * @throws IllegalStateException when an attribute of an order is missing or of the wrong type
     * @throws IllegalArgumentException when an attribute has a value that no stored order has, such as an
     *     unknown status
     */
    public static Order toOrder(Map<String, AttributeValue> item) {
        return OrderItems.toOrder(item);
    }
}
