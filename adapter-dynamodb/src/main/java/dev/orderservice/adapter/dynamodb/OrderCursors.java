package dev.orderservice.adapter.dynamodb;

import dev.orderservice.core.domain.CustomerId;
import dev.orderservice.core.domain.OrderException;
import dev.orderservice.core.port.out.CursorSigner;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns the last order of a page into a signed cursor, and a cursor back into the start key of the next query.
 *
 * <p>The position inside a cursor is the customer index's sort key of that order. It alone rebuilds the whole
 * start key, because the key's other parts are the customer, which the query names, and the order id, which the
 * sort key ends with.
 */
final class OrderCursors {

    private static final Pattern POSITION = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{9}Z"
                    + "#[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final CursorSigner signer;

    OrderCursors(CursorSigner signer) {
        this.signer = signer;
    }

    /** Returns the cursor of the page that starts after {@code lastItem}, an order item of the customer index. */
    String cursorAfter(CustomerId customerId, Map<String, AttributeValue> lastItem) {
        return signer.sign(customerId, lastItem.get(OrderItems.CREATED_AT_ORDER_ID).s());
    }

    /**
     * Returns the start key that a cursor stands for.
     *
     * @throws OrderException {@code INVALID} when the cursor was not issued for this customer by a signer with
     *     this secret, or contains a position that no order item could have
     */
    Map<String, AttributeValue> startKey(CustomerId customerId, String cursor) {
        String position = signer.verify(customerId, cursor);
        // A signed cursor from an older layout must become a 400, not a ValidationException from DynamoDB.
        if (!POSITION.matcher(position).matches()) {
            throw OrderException.invalid("cursor", "is not a cursor issued by this service for this customer");
        }

        String orderId = position.substring(position.indexOf('#') + 1);
        return Map.of(
                OrderItems.CUSTOMER_ID, AttributeValue.fromS(customerId.value()),
                OrderItems.CREATED_AT_ORDER_ID, AttributeValue.fromS(position),
                OrderItems.ORDER_ID, AttributeValue.fromS(orderId));
    }
}
