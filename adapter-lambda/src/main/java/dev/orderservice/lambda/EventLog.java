package dev.orderservice.lambda;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.orderservice.core.domain.OrderEvent;
import dev.orderservice.core.domain.OrderException;
import dev.orderservice.core.domain.OrderException.Violation;
import dev.orderservice.core.port.in.ApplyOrderEventUseCase.AppliedEvent;
import dev.orderservice.http.json.MalformedJsonException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;

/**
 * Writes one JSON line per incoming event to standard output, where Lambda sends it to CloudWatch Logs.
 *
 * <p>A line names the SQS message or Kinesis record, the event's id, type and order when the event could be read,
 * and the {@code outcome}: {@code applied}, {@code repeated}, {@code rejected} with a {@code reason},
 * {@code skipped} (an earlier message of its FIFO message group failed) or {@code failed} (an unexpected error,
 * with its stack trace). It never contains the message body.
 */
final class EventLog {

    /**
     * Texts from the body, such as the name of an unknown field, are cut to this many characters, so that a
     * made-up message cannot flood the log.
     */
    private static final int MAX_TEXT_LENGTH = 200;

    private final PrintStream output;

    EventLog(PrintStream output) {
        this.output = output;
    }

    static EventLog toStandardOutput() {
        return new EventLog(System.out);
    }

    /** A part of a line, written with the line's generator. */
    @FunctionalInterface
    private interface Fields {
        void write(JsonGenerator json) throws IOException;
    }

    void applied(IncomingRecord record, OrderEvent event, AppliedEvent applied) {
        String outcome = applied.repeated() ? "repeated" : "applied";
        write("INFO", event.type().wireName() + " " + outcome + " for order " + event.orderId(), record, event,
                json -> {
                    json.writeStringField("outcome", outcome);
                    json.writeStringField("status", applied.order().status().name());
                    json.writeNumberField("version", applied.order().version());
                });
    }

    /** Writes the line of an event that the service rejected, or that could not be read into an event at all. */
    void rejected(IncomingRecord record, OrderEvent event, OrderException rejection) {
        String subject = event == null ? "event" : event.type().wireName() + " for order " + event.orderId();
        write("WARN", subject + " rejected: " + rejection.getMessage(), record, event, json -> {
            json.writeStringField("outcome", "rejected");
            json.writeStringField("reason", rejection.reason().name());
            writeViolations(json, rejection);
            if (rejection.getCause() != null) {
                json.writeStringField("error", rejection.getCause().toString());
            }
        });
    }

    /** Writes the line of a body that is not JSON, naming only the position of the fault, never its text. */
    void unreadable(IncomingRecord record, MalformedJsonException malformed) {
        String position = "line " + malformed.line() + ", column " + malformed.column();
        write("WARN", "event rejected: the body is not valid JSON at " + position, record, null, json -> {
            json.writeStringField("outcome", "rejected");
            json.writeStringField("reason", OrderException.Reason.INVALID.name());
        });
    }

    void skipped(IncomingRecord record, String messageGroupId) {
        write("WARN", "message skipped: an earlier message of its message group failed in this batch", record, null,
                json -> {
                    json.writeStringField("outcome", "skipped");
                    json.writeStringField("messageGroupId", messageGroupId);
                });
    }

    /** Writes the line of an unexpected error, such as a bug, with its stack trace. */
    void failed(IncomingRecord record, OrderEvent event, RuntimeException failure) {
        write("ERROR", "event failed: " + failure, record, event, json -> {
            json.writeStringField("outcome", "failed");
            json.writeStringField("error", stackTrace(failure));
        });
    }

    /** Writes a line at level WARN outside any event, such as a setting to fix. */
    void warning(String message) {
        write("WARN", message, null, null, json -> { });
    }

    private void write(String level, String message, IncomingRecord record, OrderEvent event, Fields fields) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(384);
        try (JsonGenerator json = EventJson.JSON.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeStringField("level", level);
            json.writeStringField("message", abbreviate(message));
            if (record != null) {
                writeRecord(json, record);
            }
            if (event != null) {
                json.writeStringField("eventId", event.eventId());
                json.writeStringField("type", event.type().wireName());
                json.writeStringField("orderId", event.orderId().value());
            }
            fields.write(json);
            json.writeEndObject();
        } catch (IOException impossible) {
            // A ByteArrayOutputStream does not throw, and a batch must not fail for its log.
            return;
        }
        synchronized (output) {
            output.write(bytes.toByteArray(), 0, bytes.size());
            output.write('\n');
            output.flush();
        }
    }

    private static void writeRecord(JsonGenerator json, IncomingRecord record) throws IOException {
        if (record.requestId() != null) {
            json.writeStringField("requestId", record.requestId());
        }
        json.writeStringField("source", record.source().name().toLowerCase(Locale.ROOT));
        json.writeStringField(record.source().idField(), record.id());
    }

    /** Writes the fields at fault and what is wrong with them. A violation never contains the value. */
    private static void writeViolations(JsonGenerator json, OrderException rejection) throws IOException {
        if (rejection.violations().isEmpty()) {
            return;
        }
        json.writeArrayFieldStart("errors");
        for (Violation violation : rejection.violations()) {
            json.writeStartObject();
            json.writeStringField("field", abbreviate(violation.field()));
            json.writeStringField("message", abbreviate(violation.message()));
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_TEXT_LENGTH ? text : text.substring(0, MAX_TEXT_LENGTH) + "...";
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
