package dev.orderservice.http.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.OrderException.Violation;
import dev.orderservice.core.domain.OrderLine;
import dev.orderservice.core.domain.Product;
import dev.orderservice.core.port.out.OrderPage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.List;

/** Writes the JSON bodies of API.md: orders, pages, products and problem documents, in UTF-8. */
public final class JsonWriter {

    /** ISO-8601 in UTC with exactly three fraction digits, as API.md writes timestamps. */
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendInstant(3)
            .toFormatter();

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonWriter() {
    }

    /** A piece of JSON written with a generator. */
    @FunctionalInterface
    private interface Body {
        void writeTo(JsonGenerator json) throws IOException;
    }

    public static byte[] order(Order order) {
        return write(json -> writeOrder(json, order));
    }

    public static byte[] orderPage(OrderPage page) {
        return write(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("items");
            for (Order order : page.orders()) {
                writeOrder(json, order);
            }
            json.writeEndArray();
            json.writeStringField("nextCursor", page.nextCursor().orElse(null));
            json.writeEndObject();
        });
    }

    public static byte[] products(List<Product> products) {
        return write(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("items");
            for (Product product : products) {
                writeProduct(json, product);
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    public static byte[] status(String status) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("status", status);
            json.writeEndObject();
        });
    }

    /** Writes an RFC 9457 problem document; {@code errors} is left out when there are no violations. */
    public static byte[] problem(String type, String title, int status, String detail, List<Violation> errors) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("type", type);
            json.writeStringField("title", title);
            json.writeNumberField("status", status);
            json.writeStringField("detail", detail);
            if (!errors.isEmpty()) {
                json.writeArrayFieldStart("errors");
                for (Violation violation : errors) {
                    json.writeStartObject();
                    json.writeStringField("field", violation.field());
                    json.writeStringField("message", violation.message());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        });
    }

    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    private static void writeOrder(JsonGenerator json, Order order) throws IOException {
        json.writeStartObject();
        json.writeStringField("orderId", order.id().value());
        json.writeStringField("customerId", order.customerId().value());
        json.writeStringField("status", order.status().name());
        json.writeStringField("currency", order.currency().getCurrencyCode());
        json.writeArrayFieldStart("items");
        for (OrderLine line : order.lines()) {
            json.writeStartObject();
            json.writeStringField("sku", line.sku().value());
            json.writeStringField("name", line.name());
            json.writeNumberField("quantity", line.quantity());
            json.writeStringField("unitPrice", line.unitPrice().toPlainString());
            json.writeStringField("lineTotal", line.lineTotal().toPlainString());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeStringField("subtotal", order.totals().subtotal().toPlainString());
        json.writeStringField("tax", order.totals().tax().toPlainString());
        json.writeStringField("shipping", order.totals().shipping().toPlainString());
        json.writeStringField("total", order.totals().total().toPlainString());
        if (order.cancellationReason().isPresent()) {
            json.writeStringField("cancellationReason", order.cancellationReason().get());
        }
        json.writeStringField("createdAt", timestamp(order.createdAt()));
        json.writeStringField("updatedAt", timestamp(order.updatedAt()));
        json.writeNumberField("version", order.version());
        json.writeEndObject();
    }

    private static void writeProduct(JsonGenerator json, Product product) throws IOException {
        json.writeStartObject();
        json.writeStringField("sku", product.sku().value());
        json.writeStringField("name", product.name());
        json.writeStringField("unitPrice", product.unitPrice().toPlainString());
        json.writeStringField("currency", product.unitPrice().currency().getCurrencyCode());
        json.writeBooleanField("available", product.available());
        json.writeEndObject();
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (JsonGenerator json = FACTORY.createGenerator(bytes)) {
            body.writeTo(json);
        } catch (IOException impossible) {
            // A ByteArrayOutputStream does not throw.
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }
}
