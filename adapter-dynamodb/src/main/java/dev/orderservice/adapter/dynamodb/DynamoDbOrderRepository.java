package dev.orderservice.adapter.dynamodb;

import dev.orderservice.core.domain.CustomerId;
import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.OrderException;
import dev.orderservice.core.domain.OrderId;
import dev.orderservice.core.port.out.OrderPage;
import dev.orderservice.core.port.out.OrderRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Stores orders in one DynamoDB table, one item per order, with the customer index for a customer's list.
 *
 * <p>Every change is a single conditional write with no transaction, so a failure leaves either the whole change
 * or nothing: creation is conditional on the id being free, and an update on the version it was decided on.
 */
final class DynamoDbOrderRepository implements OrderRepository {

    private final DynamoDbClient client;
    private final String table;
    private final OrderCursors cursors;

    DynamoDbOrderRepository(DynamoDbClient client, String table, OrderCursors cursors) {
        this.client = client;
        this.table = table;
        this.cursors = cursors;
    }

    @Override
    public Placement createIfAbsent(Order order, String requestFingerprint) {
        PutItemRequest request = PutItemRequest.builder()
                .tableName(table)
                .item(OrderItems.toItem(order, requestFingerprint))
                .conditionExpression("attribute_not_exists(#orderId)")
                .expressionAttributeNames(Map.of("#orderId", OrderItems.ORDER_ID))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
        try {
            client.putItem(request);
            return new Placement(order, requestFingerprint, true);
        } catch (ConditionalCheckFailedException exists) {
            return existingPlacement(order.id(), exists);
        } catch (SdkException failure) {
            throw DynamoDbErrors.translate(failure, "PutItem", table);
        }
    }

    @Override
    public void update(Order order, long expectedVersion) {
        UpdateItemRequest request = OrderUpdates.replaceAt(table, order, expectedVersion);
        try {
            client.updateItem(request);
        } catch (ConditionalCheckFailedException changed) {
            throw updateFailure(order.id(), expectedVersion, changed);
        } catch (SdkException failure) {
            throw DynamoDbErrors.translate(failure, "UpdateItem", table);
        }
    }

    @Override
    public Optional<Order> findById(OrderId orderId) {
        return readItem(orderId).map(OrderItems::toOrder);
    }

    @Override
    public Optional<Placement> findPlacement(OrderId orderId) {
        return readItem(orderId).map(DynamoDbOrderRepository::placementOf);
    }

    @Override
    public OrderPage findByCustomer(CustomerId customerId, int limit, String cursor) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        QueryResponse response = queryCustomerIndex(customerId, limit, cursor);

        // The query requests one order more than the page has, so that a page that ends exactly at the last
        // order has no next cursor. A response cut short at DynamoDB's 1 MB limit still has a last evaluated key.
        List<Map<String, AttributeValue>> items = response.items();
        List<Map<String, AttributeValue>> page = items.subList(0, Math.min(limit, items.size()));
        boolean cutShort = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
        boolean more = items.size() > limit || (cutShort && !page.isEmpty());
        String nextCursor = more ? cursors.cursorAfter(customerId, page.get(page.size() - 1)) : null;
        return new OrderPage(page.stream().map(OrderItems::toOrder).toList(), nextCursor);
    }

    // NOTE: a global secondary index is eventually consistent on DynamoDB, so an order placed a moment ago can be
    // missing from a page. dynalite updates its indexes at once, so no test here shows the lag.
    private QueryResponse queryCustomerIndex(CustomerId customerId, int limit, String cursor) {
        QueryRequest.Builder request = QueryRequest.builder()
                .tableName(table)
                .indexName(DynamoDbTables.CUSTOMER_INDEX)
                .keyConditionExpression("#customerId = :customerId")
                .expressionAttributeNames(Map.of("#customerId", OrderItems.CUSTOMER_ID))
                .expressionAttributeValues(Map.of(":customerId", AttributeValue.fromS(customerId.value())))
                .scanIndexForward(false)
                .limit(limit + 1);
        if (cursor != null) {
            request.exclusiveStartKey(cursors.startKey(customerId, cursor));
        }
        try {
            return client.query(request.build());
        } catch (SdkException failure) {
            throw DynamoDbErrors.translate(failure, "Query", table);
        }
    }

    /**
     * Returns the order that made a create-if-absent fail. DynamoDB sends it back with the failure; an engine
     * without {@code ReturnValuesOnConditionCheckFailure}, such as dynalite, sends nothing, so it is read.
     */
    private Placement existingPlacement(OrderId orderId, ConditionalCheckFailedException exists) {
        if (exists.hasItem() && !exists.item().isEmpty()) {
            return placementOf(exists.item());
        }
        return readItem(orderId)
                .map(DynamoDbOrderRepository::placementOf)
                .orElseThrow(() -> OrderException.unavailable("order " + orderId + " exists in table " + table
                        + " by its condition check, but could not be read back; retry the request", exists));
    }

    /** Tells a missing order from one that another change has moved past the expected version. */
    private OrderException updateFailure(OrderId orderId, long expectedVersion, ConditionalCheckFailedException changed) {
        Optional<Map<String, AttributeValue>> current = changed.hasItem() && !changed.item().isEmpty()
                ? Optional.of(changed.item())
                : readItem(orderId);
        if (current.isEmpty()) {
            return OrderException.notFound(orderId);
        }
        return OrderException.staleVersion(orderId, expectedVersion, OrderItems.version(current.get()));
    }

    private Optional<Map<String, AttributeValue>> readItem(OrderId orderId) {
        GetItemRequest request = GetItemRequest.builder()
                .tableName(table)
                .key(Map.of(OrderItems.ORDER_ID, AttributeValue.fromS(orderId.value())))
                .consistentRead(true)
                .build();
        try {
            Map<String, AttributeValue> item = client.getItem(request).item();
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
        } catch (SdkException failure) {
            throw DynamoDbErrors.translate(failure, "GetItem", table);
        }
    }

    private static Placement placementOf(Map<String, AttributeValue> item) {
        return new Placement(OrderItems.toOrder(item), OrderItems.requestFingerprint(item), false);
    }
}
