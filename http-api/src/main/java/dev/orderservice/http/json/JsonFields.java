package dev.orderservice.http.json;

import dev.orderservice.core.domain.OrderException;
import dev.orderservice.core.domain.OrderException.Violation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed, strict access to the fields of one parsed JSON object.
 *
 * <p>Every wrong type, unknown field or missing field is collected as a {@link Violation} named by its path in
 * the document, such as {@code items[1].quantity}, so that one response lists every problem of a request. Nothing is
 * coerced: {@code "3"} is not a number and {@code 2.7} is not an integer. A JSON {@code null} counts as absent.
 */
public final class JsonFields {

    /** Unknown fields beyond this many are counted, not listed, so that an error response stays small. */
    static final int MAX_UNKNOWN_FIELDS_LISTED = 20;

    private final Map<String, Object> object;
    private final String path;
    private final List<Violation> violations;

    private JsonFields(Map<String, Object> object, String path, List<Violation> violations) {
        this.object = object;
        this.path = path;
        this.violations = violations;
    }

    /**
     * Starts reading a parsed document that must be an object.
     *
     * @throws OrderException {@code INVALID} when the document is not an object
     */
    @SuppressWarnings("unchecked")
    public static JsonFields root(Object document) {
        if (!(document instanceof Map)) {
            throw OrderException.invalid("body", "must be a JSON object");
        }
        return new JsonFields((Map<String, Object>) document, "", new ArrayList<>());
    }

    /** Records a violation for every field not in {@code known}. */
    public JsonFields allowOnly(Set<String> known) {
        int unknown = 0;
        for (String name : object.keySet()) {
            if (!known.contains(name) && ++unknown <= MAX_UNKNOWN_FIELDS_LISTED) {
                violations.add(new Violation(pathOf(name), "is not a known field"));
            }
        }
        if (unknown > MAX_UNKNOWN_FIELDS_LISTED) {
            violations.add(new Violation(path.isEmpty() ? "body" : path, (unknown - MAX_UNKNOWN_FIELDS_LISTED)
                    + " more unknown fields are not listed"));
        }
        return this;
    }

    /** Returns a string field, or {@code null} when it is absent or of another type (which is recorded). */
    public String string(String name, boolean required) {
        Object value = present(name, required);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        violations.add(new Violation(pathOf(name), "must be a string"));
        return null;
    }

    /** Returns an integer field, or {@code null} when it is absent, a fraction, too large or of another type. */
    public Long integer(String name, boolean required) {
        Object value = present(name, required);
        if (value == null || value instanceof Long) {
            return (Long) value;
        }
        violations.add(new Violation(pathOf(name), describeNonInteger(value)));
        return null;
    }

    /** Returns a boolean field, or {@code null} when it is absent or of another type (which is recorded). */
    public Boolean bool(String name, boolean required) {
        Object value = present(name, required);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        violations.add(new Violation(pathOf(name), "must be true or false"));
        return null;
    }

    /** Returns the elements of an array of objects, or {@code null} when absent or not such an array. */
    @SuppressWarnings("unchecked")
    public List<JsonFields> objects(String name, boolean required) {
        Object value = present(name, required);
        if (value == null) {
            return null;
        }
        if (!(value instanceof List)) {
            violations.add(new Violation(pathOf(name), "must be an array"));
            return null;
        }
        List<Object> elements = (List<Object>) value;
        List<JsonFields> fields = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            String elementPath = pathOf(name) + "[" + i + "]";
            if (elements.get(i) instanceof Map) {
                fields.add(new JsonFields((Map<String, Object>) elements.get(i), elementPath, violations));
            } else {
                violations.add(new Violation(elementPath, "must be an object"));
            }
        }
        return fields;
    }

    /**
     * Ends reading.
     *
     * @throws OrderException {@code INVALID} listing every violation recorded on this document
     */
    public void requireValid() {
        if (!violations.isEmpty()) {
            throw OrderException.invalid(violations);
        }
    }

    public boolean hasViolations() {
        return !violations.isEmpty();
    }

    private Object present(String name, boolean required) {
        Object value = object.get(name);
        if (value == null || value == StrictJsonParser.NULL) {
            if (required) {
                violations.add(new Violation(pathOf(name), "is required"));
            }
            return null;
        }
        return value;
    }

    private static String describeNonInteger(Object value) {
        if (value instanceof BigInteger || value == StrictJsonParser.OUT_OF_RANGE) {
            return "is out of range";
        }
        if (value instanceof BigDecimal) {
            return "must be an integer, not a fraction";
        }
        return "must be an integer";
    }

    private String pathOf(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
