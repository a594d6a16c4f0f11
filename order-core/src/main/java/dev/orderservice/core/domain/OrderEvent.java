package dev.orderservice.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/** An event from another service about an order, such as a captured payment. */
public record OrderEvent(String eventId, OrderEventType type, OrderId orderId, Instant occurredAt) {

    private static final Pattern EVENT_ID = Pattern.compile("[\\x21-\\x7e]{1,128}");

    public OrderEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (!isValidEventId(eventId)) {
            throw new IllegalArgumentException("event id must be 1 to 128 printable ASCII characters without spaces");
        }
    }

    public static boolean isValidEventId(String eventId) {
        return EVENT_ID.matcher(eventId).matches();
    }
}
