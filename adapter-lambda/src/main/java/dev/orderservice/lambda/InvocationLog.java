package dev.orderservice.lambda;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.orderservice.core.domain.OrderId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes one JSON line per invocation to standard output, where Lambda sends it to CloudWatch Logs.
 *
 * <p>The line contains ids, the method, path, status and duration, never a body or a header. When the invocation
 * has metrics, the same line carries them in CloudWatch Embedded Metric Format, so CloudWatch extracts them
 * without an API call: {@code ColdStart} on the first invocation of the execution environment,
 * {@code OrdersPlaced} and {@code OrderValue} (the order's total) on a 201 that placed a new order, not on an
 * idempotent replay. An unexpected failure adds its stack trace as the field {@code error}.
 */
final class InvocationLog {

    static final String NAMESPACE = "OrderService";
    static final String SERVICE = "order-service";

    /** Paths are cut to this many characters, so that a made-up long path cannot flood the log. */
    private static final int MAX_PATH_LENGTH = 200;

    private final PrintStream output;
    private final Clock clock;
    private final AtomicBoolean coldStart = new AtomicBoolean(true);

    InvocationLog(PrintStream output, Clock clock) {
        this.output = output;
        this.clock = clock;
    }

    static InvocationLog toStandardOutput() {
        return new InvocationLog(System.out, Clock.systemUTC());
    }

    /**
     * Writes the line of one invocation; the first call of this log reports the cold start.
     *
     * @param requestId the Lambda request id, or {@code null} when there is no context
     */
    void record(String requestId, Exchange exchange, long durationNanos) {
        boolean first = coldStart.getAndSet(false);
        try {
            write(line(requestId, exchange, durationNanos, first));
        } catch (IOException | RuntimeException unwritable) {
            // Logging must not fail a request whose response is already written, so report the failure instead.
            warning("the invocation log line could not be written: " + unwritable);
        }
    }

    /** Writes a line at level WARN, such as a setting to fix, outside any invocation. */
    void warning(String message) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = EventJson.JSON.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeStringField("level", "WARN");
            json.writeStringField("message", message);
            json.writeEndObject();
        } catch (IOException impossible) {
            // A ByteArrayOutputStream does not throw.
            return;
        }
        write(bytes.toByteArray());
    }

    private byte[] line(String requestId, Exchange exchange, long durationNanos, boolean first) throws IOException {
        Optional<OrderValue> placed = placedOrderValue(exchange);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (JsonGenerator json = EventJson.JSON.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeStringField("level", exchange.failure() == null ? "INFO" : "ERROR");
            json.writeStringField("message", describe(exchange));
            writeIfPresent(json, "requestId", requestId);
            writeIfPresent(json, "method", exchange.method());
            writeIfPresent(json, "path", abbreviate(exchange.path()));
            json.writeNumberField("status", exchange.status());
            json.writeNumberField("durationMs", BigDecimal.valueOf(durationNanos, 6).setScale(3, RoundingMode.HALF_UP));
            writeIfPresent(json, "orderId", orderId(exchange).orElse(null));
            json.writeBooleanField("coldStart", first);
            if (exchange.failure() != null) {
                json.writeStringField("error", stackTrace(exchange.failure()));
            }
            if (first || placed.isPresent()) {
                writeMetrics(json, first, placed);
            }
            json.writeEndObject();
        }
        return bytes.toByteArray();
    }

    /** Writes the Embedded Metric Format directive and the metric values, as fields of the line's object. */
    private void writeMetrics(JsonGenerator json, boolean first, Optional<OrderValue> placed) throws IOException {
        json.writeObjectFieldStart("_aws");
        json.writeNumberField("Timestamp", clock.millis());
        json.writeArrayFieldStart("CloudWatchMetrics");
        json.writeStartObject();
        json.writeStringField("Namespace", NAMESPACE);
        json.writeArrayFieldStart("Dimensions");
        json.writeStartArray();
        json.writeString("Service");
        json.writeEndArray();
        json.writeEndArray();
        json.writeArrayFieldStart("Metrics");
        if (first) {
            writeMetricDefinition(json, "ColdStart", "Count");
        }
        if (placed.isPresent()) {
            writeMetricDefinition(json, "OrdersPlaced", "Count");
            writeMetricDefinition(json, "OrderValue", "None");
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();

        json.writeStringField("Service", SERVICE);
        if (first) {
            json.writeNumberField("ColdStart", 1);
        }
        if (placed.isPresent()) {
            json.writeNumberField("OrdersPlaced", 1);
            json.writeNumberField("OrderValue", placed.get().total());
            json.writeStringField("currency", placed.get().currency());
        }
    }

    private static void writeMetricDefinition(JsonGenerator json, String name, String unit) throws IOException {
        json.writeStartObject();
        json.writeStringField("Name", name);
        json.writeStringField("Unit", unit);
        json.writeEndObject();
    }

    private void write(byte[] line) {
        synchronized (output) {
            output.write(line, 0, line.length);
            output.write('\n');
            output.flush();
        }
    }

    private static String describe(Exchange exchange) {
        if (exchange.method() == null) {
            return "event could not be read: " + exchange.status();
        }
        return exchange.method() + " " + abbreviate(exchange.path()) + " " + exchange.status();
    }

    private static void writeIfPresent(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }

    private static String abbreviate(String path) {
        return path == null || path.length() <= MAX_PATH_LENGTH ? path : path.substring(0, MAX_PATH_LENGTH) + "...";
    }

    /** Returns the order that the response's {@code Location} or the request's path names, if it is a valid id. */
    static Optional<String> orderId(Exchange exchange) {
        String location = exchange.header("Location").orElse(null);
        String named = location != null ? afterOrders(location) : afterOrders(exchange.path());
        return Optional.ofNullable(named).filter(OrderId::isValid);
    }

    /** Returns the segment after {@code /orders/} in a path such as {@code /prod/orders/ID/cancel}. */
    private static String afterOrders(String path) {
        if (path == null) {
            return null;
        }
        int start = path.indexOf("/orders/");
        if (start < 0) {
            return null;
        }
        String rest = path.substring(start + "/orders/".length());
        int end = rest.indexOf('/');
        return end < 0 ? rest : rest.substring(0, end);
    }

    /** The total of a newly placed order, from the response body. */
    private record OrderValue(BigDecimal total, String currency) {
    }

    private static Optional<OrderValue> placedOrderValue(Exchange exchange) {
        boolean replayed = exchange.header("Idempotent-Replayed").filter("true"::equals).isPresent();
        if (exchange.status() != 201 || replayed) {
            return Optional.empty();
        }
        try (JsonParser parser = EventJson.JSON.createParser(exchange.body())) {
            String total = null;
            String currency = null;
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (name.equals("total")) {
                    total = parser.getValueAsString();
                } else if (name.equals("currency")) {
                    currency = parser.getValueAsString();
                } else {
                    parser.skipChildren();
                }
            }
            return total == null ? Optional.empty() : Optional.of(new OrderValue(new BigDecimal(total), currency));
        } catch (IOException | NumberFormatException unreadable) {
            // The metric is skipped, but the client is not affected because the response is already written.
            return Optional.empty();
        }
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
