package dev.orderservice.http.json;

import dev.orderservice.core.domain.OrderEvent;
import dev.orderservice.core.domain.OrderEventType;
import dev.orderservice.core.domain.OrderException;
import dev.orderservice.core.domain.OrderException.Violation;
import dev.orderservice.core.domain.OrderId;
import dev.orderservice.core.port.in.PlaceOrderCommand;
import dev.orderservice.core.port.in.PlaceOrderCommand.RawItem;
import dev.orderservice.http.Identity;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the request bodies of API.md strictly into the core's commands. */
public final class OrderRequests {

    private static final Set<String> PLACE_ORDER_FIELDS = Set.of("customerId", "currency", "items");
    private static final Set<String> ITEM_FIELDS = Set.of("sku", "quantity");
    private static final Set<String> CANCEL_FIELDS = Set.of("reason");
    private static final Set<String> EVENT_FIELDS = Set.of("eventId", "type", "orderId", "occurredAt");

    private OrderRequests() {
    }

    /**
     * Reads a place-order body.
     *
     * @param idempotencyKey the {@code Idempotency-Key} header, or {@code null}
     * @param authenticatedCustomerId the customer an authorizer verified, who is the customer when the body names
     *     none, or {@code null}
     * @throws MalformedJsonException when the body is not JSON
     * @throws dev.orderservice.http.ForbiddenException when the body names a customer other than the verified one
     * @throws OrderException {@code INVALID} listing every field of the wrong type, unknown or out of range
     */
    public static PlaceOrderCommand placeOrder(byte[] body, String idempotencyKey, String authenticatedCustomerId) {
        JsonFields fields = JsonFields.root(StrictJsonParser.parse(body)).allowOnly(PLACE_ORDER_FIELDS);
        String customerId = fields.string("customerId", authenticatedCustomerId == null);
        String currency = fields.string("currency", false);
        List<JsonFields> itemFields = fields.objects("items", true);

        List<RawItem> items = null;
        if (itemFields != null) {
            items = new ArrayList<>(itemFields.size());
            for (JsonFields item : itemFields) {
                item.allowOnly(ITEM_FIELDS);
                items.add(new RawItem(item.string("sku", true), item.integer("quantity", true)));
            }
        }
        if (fields.hasViolations()) {
            // Type errors come first: range checks on half-read values would only repeat them.
            fields.requireValid();
        }
        customerId = Identity.customerFor(authenticatedCustomerId, customerId);
        return PlaceOrderCommand.of(customerId, currency, items, idempotencyKey);
    }

    /**
     * Reads the optional body of a cancel.
     *
     * @return the reason, if the body gives one
     */
    public static Optional<String> cancelReason(byte[] body) {
        if (body.length == 0) {
            return Optional.empty();
        }
        JsonFields fields = JsonFields.root(StrictJsonParser.parse(body)).allowOnly(CANCEL_FIELDS);
        String reason = fields.string("reason", false);
        fields.requireValid();
        return Optional.ofNullable(reason);
    }

    /** Reads an incoming payment or shipping event, as queues, streams and {@code POST /events} carry it. */
    public static OrderEvent event(byte[] body) {
        JsonFields fields = JsonFields.root(StrictJsonParser.parse(body)).allowOnly(EVENT_FIELDS);
        String eventId = fields.string("eventId", true);
        String type = fields.string("type", true);
        String orderId = fields.string("orderId", true);
        String occurredAt = fields.string("occurredAt", true);
        fields.requireValid();

        List<Violation> violations = new ArrayList<>();
        if (!OrderEvent.isValidEventId(eventId)) {
            violations.add(new Violation("eventId", "must be 1 to 128 printable ASCII characters without spaces"));
        }
        Optional<OrderEventType> eventType = OrderEventType.fromWireName(type);
        if (eventType.isEmpty()) {
            violations.add(new Violation("type",
                    "must be one of PaymentCaptured, PaymentFailed, OrderShipped, OrderDelivered"));
        }
        if (!OrderId.isValid(orderId)) {
            violations.add(new Violation("orderId", "must be an order id, a lower-case UUID"));
        }
        Instant occurred = parseInstant(occurredAt, violations);
        if (!violations.isEmpty()) {
            throw OrderException.invalid(violations);
        }
        return new OrderEvent(eventId, eventType.get(), new OrderId(orderId), occurred);
    }

    private static Instant parseInstant(String text, List<Violation> violations) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notIso) {
            violations.add(new Violation("occurredAt", "must be an ISO-8601 instant such as 2026-12-04T19:03:00Z"));
            return null;
        }
    }
}
