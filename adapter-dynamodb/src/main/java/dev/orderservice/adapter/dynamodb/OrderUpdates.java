package dev.orderservice.adapter.dynamodb;

import dev.orderservice.core.domain.Order;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Builds the conditional update that replaces a stored order's state.
 *
 * <p>It is an {@code UpdateItem} rather than a {@code PutItem} because the request fingerprint, which the
 * repository's {@code update} is not given, must survive every change for later idempotent replays.
 */
final class OrderUpdates {

    private OrderUpdates() {
    }

    /**
     * Returns an update that sets every attribute of {@code order} except its key, removes a cancellation reason
     * that the order no longer has, and applies only while the stored version is {@code expectedVersion}.
     * A missing order fails the condition too, so an update never creates one.
     */
    static UpdateItemRequest replaceAt(String table, Order order, long expectedVersion) {
        Map<String, AttributeValue> attributes = OrderItems.attributes(order);
        AttributeValue key = attributes.remove(OrderItems.ORDER_ID);

        // Attribute names are plain words, so each serves as its own placeholder: SET #status = :status, ...
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> assignments = new ArrayList<>();
        for (Map.Entry<String, AttributeValue> attribute : attributes.entrySet()) {
            names.put("#" + attribute.getKey(), attribute.getKey());
            values.put(":" + attribute.getKey(), attribute.getValue());
            assignments.add("#" + attribute.getKey() + " = :" + attribute.getKey());
        }
        StringBuilder expression = new StringBuilder("SET ").append(String.join(", ", assignments));
        if (!attributes.containsKey(OrderItems.CANCELLATION_REASON)) {
            names.put("#" + OrderItems.CANCELLATION_REASON, OrderItems.CANCELLATION_REASON);
            expression.append(" REMOVE #").append(OrderItems.CANCELLATION_REASON);
        }
        values.put(":expectedVersion", AttributeValue.fromN(Long.toString(expectedVersion)));

        return UpdateItemRequest.builder()
                .tableName(table)
                .key(Map.of(OrderItems.ORDER_ID, key))
                .updateExpression(expression.toString())
                .conditionExpression("#" + OrderItems.VERSION + " = :expectedVersion")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
    }
}
