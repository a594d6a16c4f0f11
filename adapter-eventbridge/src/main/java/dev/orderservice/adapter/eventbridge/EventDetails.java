package dev.orderservice.adapter.eventbridge;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.orderservice.core.domain.OrderDomainEvent;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/**
 * Writes the {@code detail} of an entry: the event's fields as API.md writes them, with money as a decimal
 * string with the currency's minor-unit digits, and times as ISO-8601 instants in UTC with milliseconds.
 *
 * <pre>{@code
 * {"orderId":"…","customerId":"cust-42","total":"61.81","currency":"USD","version":2,
 *  "occurredAt":"2026-12-04T19:03:00.123Z"}
 * }</pre>
 */
final class EventDetails {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder().appendInstant(3).toFormatter();

    private EventDetails() {
    }

    static String toJson(OrderDomainEvent event) {
        StringWriter text = new StringWriter(192);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("orderId", event.orderId().value());
            json.writeStringField("customerId", event.customerId().value());
            json.writeStringField("total", event.total().toPlainString());
            json.writeStringField("currency", event.total().currency().getCurrencyCode());
            json.writeNumberField("version", event.version());
            json.writeStringField("occurredAt", TIMESTAMP.format(event.occurredAt()));
            json.writeEndObject();
        } catch (IOException impossible) {
            // A StringWriter does not throw.
            throw new UncheckedIOException(impossible);
        }
        return text.toString();
    }
}
