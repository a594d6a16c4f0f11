package dev.orderservice.lambda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the parts of an API Gateway event that the handlers use, with jackson-core's streaming parser.
 *
 * <p>Reading is lenient, unlike the API's own bodies: AWS adds fields to its events over time, so an unknown
 * field is skipped, and a value of an unexpected JSON type reads as absent rather than failing the request.
 */
final class EventJson {

    /** Shared by every invocation; Jackson's factories are thread-safe once configured. */
    static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private EventJson() {
    }

    /** Receives each field of an object with the parser at the field's value; it must read or skip the value. */
    @FunctionalInterface
    interface FieldReader {
        void read(String name, JsonParser parser) throws IOException;
    }

    /**
     * Reads the object that the parser is at, field by field; a JSON {@code null} reads as an object without
     * fields.
     *
     * @throws IOException when the value is neither an object nor null, or the JSON is malformed
     */
    static void readObject(JsonParser parser, FieldReader fields) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new IOException("expected a JSON object at " + parser.currentLocation().offsetDescription()
                    + " of the event, found " + parser.currentToken());
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            fields.read(name, parser);
        }
    }

    /** Reads a string, or a number or boolean as its text; {@code null} for JSON null, objects and arrays. */
    static String readString(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            parser.skipChildren();
            return null;
        }
        return token == JsonToken.VALUE_NULL ? null : parser.getText();
    }

    /** Reads {@code true} or {@code "true"} as true, anything else as false. */
    static boolean readBoolean(JsonParser parser) throws IOException {
        return "true".equals(readString(parser));
    }

    /** Reads an object of strings, such as {@code headers}; {@code null} for JSON null. */
    static Map<String, String> readStringMap(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        readObject(parser, (name, value) -> {
            String text = readString(value);
            if (text != null) {
                values.put(name, text);
            }
        });
        return values;
    }

    /** Reads an object of string arrays, such as {@code multiValueHeaders}; {@code null} for JSON null. */
    static Map<String, List<String>> readMultiValueMap(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        readObject(parser, (name, value) -> values.put(name, readStringList(value)));
        return values;
    }

    /** Reads an array of strings; a single string reads as a list of one, JSON null as an empty list. */
    static List<String> readStringList(JsonParser parser) throws IOException {
        List<String> values = new ArrayList<>();
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            String single = readString(parser);
            if (single != null) {
                values.add(single);
            }
            return values;
        }
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            String text = readString(parser);
            if (text != null) {
                values.add(text);
            }
        }
        return values;
    }

    /** Writes {@code "name":{...}} for a map of strings in its iteration order. */
    static void writeStringMap(JsonGenerator generator, String name, Map<String, String> values) throws IOException {
        generator.writeObjectFieldStart(name);
        for (Map.Entry<String, String> entry : values.entrySet()) {
            generator.writeStringField(entry.getKey(), entry.getValue());
        }
        generator.writeEndObject();
    }
}
