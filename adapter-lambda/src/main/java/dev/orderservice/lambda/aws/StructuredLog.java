package dev.orderservice.lambda.aws;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes log lines as JSON objects, one per line, to standard output, where Lambda sends them to CloudWatch
 * Logs. The callers put ids and counts in the fields, never an object's content or personal data.
 */
public final class StructuredLog {

    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final PrintStream output;

    public StructuredLog(PrintStream output) {
        this.output = output;
    }

    public static StructuredLog toStandardOutput() {
        return new StructuredLog(System.out);
    }

    /** Starts a line at a level such as {@code INFO}; {@link Line#write()} writes it. */
    public Line line(String level, String message) {
        return new Line(level, message);
    }

    /** One log line, built field by field. Numbers and booleans are written as JSON numbers and booleans. */
    public final class Line {

        private final String level;
        private final String message;
        private final Map<String, Object> fields = new LinkedHashMap<>();

        private Line(String level, String message) {
            this.level = level;
            this.message = message;
        }

        /** Adds a field, unless {@code value} is {@code null}. */
        public Line field(String name, Object value) {
            if (value != null) {
                fields.put(name, value);
            }
            return this;
        }

        /** Adds the stack trace of an unexpected failure as the field {@code error}. */
        public Line error(Throwable failure) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            return field("error", trace.toString());
        }

        public void write() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            try (JsonGenerator json = JSON.createGenerator(bytes)) {
                json.writeStartObject();
                json.writeStringField("level", level);
                json.writeStringField("message", message);
                for (Map.Entry<String, Object> field : fields.entrySet()) {
                    writeField(json, field.getKey(), field.getValue());
                }
                json.writeEndObject();
            } catch (IOException impossible) {
                // A ByteArrayOutputStream does not throw.
                return;
            }
            synchronized (output) {
                output.write(bytes.toByteArray(), 0, bytes.size());
                output.write('\n');
                output.flush();
            }
        }

        private void writeField(JsonGenerator json, String name, Object value) throws IOException {
            if (value instanceof Integer || value instanceof Long) {
                json.writeNumberField(name, ((Number) value).longValue());
            } else if (value instanceof Double) {
                json.writeNumberField(name, (Double) value);
            } else if (value instanceof Boolean) {
                json.writeBooleanField(name, (Boolean) value);
            } else {
                json.writeStringField(name, value.toString());
            }
        }
    }
}
