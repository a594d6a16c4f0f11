package dev.orderservice.http.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON into plain Java values, refusing what a lenient parser would guess at.
 *
 * <p>Objects become {@link LinkedHashMap}s, arrays {@link ArrayList}s, strings {@link String}s, integers
 * {@link Long}s (or {@link java.math.BigInteger}s beyond its range), other numbers {@link BigDecimal}s, booleans
 * {@link Boolean}s and {@code null} {@link #NULL}; a number no Java type can hold is {@link #OUT_OF_RANGE}. Duplicate keys, invalid UTF-8, trailing content, deep nesting
 * and overlong numbers are errors. The bytes are always decoded as UTF-8, whatever a header claims.
 */
public final class StrictJsonParser {

    /** Stands for a JSON {@code null}, so that a map can tell it apart from an absent key. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** Stands for a number too large for any Java type; no field accepts it. */
    public static final Object OUT_OF_RANGE = new Object() {
        @Override
        public String toString() {
            return "a number out of range";
        }
    };

    private static final int MAX_NESTING_DEPTH = 32;
    private static final int MAX_NUMBER_LENGTH = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // Error messages go to clients, so they must not quote the request body back.
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .build())
            .build();

    private StrictJsonParser() {
    }

    /**
     * Parses a whole document.
     *
     * @throws MalformedJsonException when the bytes are not one valid JSON value in UTF-8
     */
    public static Object parse(byte[] utf8) {
        String text = decodeUtf8(utf8);
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new MalformedJsonException("the body is empty, but a JSON value is required", 1, 1);
            }
            Object value = readValue(parser, first);
            if (parser.nextToken() != null) {
                throw malformed("there is more content after the JSON value", parser.currentLocation());
            }
            return value;
        } catch (StreamConstraintsException tooDeepOrLong) {
            throw malformed("the JSON nests deeper than " + MAX_NESTING_DEPTH + " levels or has a number longer than "
                    + MAX_NUMBER_LENGTH + " digits", tooDeepOrLong.getLocation());
        } catch (JsonProcessingException invalid) {
            throw malformed(invalid.getOriginalMessage(), invalid.getLocation());
        } catch (IOException unexpected) {
            // Parsing a String performs no I/O, so this is a parser fault rather than bad input.
            throw new IllegalStateException(unexpected);
        }
    }

    private static String decodeUtf8(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            // RFC 8259 lets a parser ignore a byte order mark, and some Windows tools write one.
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException notUtf8) {
            throw new MalformedJsonException("the body is not valid UTF-8", 1, 1);
        }
    }

    private static Object readValue(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT:
                return readObject(parser);
            case START_ARRAY:
                return readArray(parser);
            case VALUE_STRING:
                return checkedString(parser);
            case VALUE_NUMBER_INT:
                return parser.getNumberType() == JsonParser.NumberType.INT
                        || parser.getNumberType() == JsonParser.NumberType.LONG
                        ? (Object) parser.getLongValue()
                        : parser.getBigIntegerValue();
            case VALUE_NUMBER_FLOAT:
                return decimal(parser);
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return NULL;
            default:
                throw malformed("unexpected " + token, parser.currentLocation());
        }
    }

    /** Returns the line on which a parsed object starts, for messages about a file. */
    public static int lineOf(Map<String, Object> object) {
        return object instanceof ParsedObject ? ((ParsedObject) object).line : 1;
    }

    /** A parsed object that remembers where it starts. */
    private static final class ParsedObject extends LinkedHashMap<String, Object> {

        private static final long serialVersionUID = 1L;

        private final int line;

        ParsedObject(int line) {
            this.line = line;
        }
    }

    /**
     * Reads a fraction or exponent. One beyond what BigDecimal can hold, such as {@code 1e9999999999}, is
     * well-formed JSON, so it becomes {@link #OUT_OF_RANGE} for the field's own check to report.
     */
    private static Object decimal(JsonParser parser) throws IOException {
        try {
            return parser.getDecimalValue();
        } catch (NumberFormatException | ArithmeticException beyondBigDecimal) {
            return OUT_OF_RANGE;
        }
    }

    /** Rejects a string with an unpaired surrogate, which has no UTF-8 form and could not be written back. */
    private static String checkedString(JsonParser parser) throws IOException {
        String text = parser.getText();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw malformed("a string contains an unpaired surrogate escape", parser.currentTokenLocation());
            }
        }
        return text;
    }

    /** Returns the line on which each element of a parsed array starts, for messages about a file. */
    public static int lineOf(List<Object> array, int index) {
        return array instanceof ParsedArray ? ((ParsedArray) array).lines.get(index) : 1;
    }

    /** A parsed array that remembers where each element starts. */
    private static final class ParsedArray extends ArrayList<Object> {

        private static final long serialVersionUID = 1L;

        private final List<Integer> lines = new ArrayList<>();
    }

    private static Map<String, Object> readObject(JsonParser parser) throws IOException {
        Map<String, Object> object = new ParsedObject(parser.currentTokenLocation().getLineNr());
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String name = parser.currentName();
            object.put(name, readValue(parser, parser.nextToken()));
        }
        return object;
    }

    private static List<Object> readArray(JsonParser parser) throws IOException {
        ParsedArray array = new ParsedArray();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            array.lines.add(parser.currentTokenLocation().getLineNr());
            array.add(readValue(parser, token));
        }
        return array;
    }

    private static MalformedJsonException malformed(String reason, JsonLocation location) {
        int line = location == null ? 1 : Math.max(1, location.getLineNr());
        int column = location == null ? 1 : Math.max(1, location.getColumnNr());
        return new MalformedJsonException(firstLine(reason), line, column);
    }

    /** Keeps the parser's description of the fault but drops its advice on enabling parser features. */
    private static String firstLine(String message) {
        if (message == null) {
            return "the body is not valid JSON";
        }
        String line = message.lines().findFirst().orElse("");
        for (String advice : List.of(" (for ", "; enable", ", enable", ": enable", " (enable", " enable `", " [Source", " (start marker")) {
            int cut = line.indexOf(advice);
            if (cut >= 0) {
                line = line.substring(0, cut);
            }
        }
        return line.isBlank() ? "the body is not valid JSON" : line;
    }
}
