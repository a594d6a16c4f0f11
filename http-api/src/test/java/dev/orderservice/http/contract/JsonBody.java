package dev.orderservice.http.contract;

import dev.orderservice.http.json.MalformedJsonException;
import dev.orderservice.http.json.StrictJsonParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed response body, read by paths such as {@code items[0].unitPrice}.
 *
 * <p>Every accessor checks the JSON type, so {@code string("total")} fails when money arrives as a JSON number.
 * A missing path or a wrong type throws {@link AssertionError} with the whole document in the message.
 */
public final class JsonBody {

    private final Object root;
    private final String text;

    private JsonBody(Object root, String text) {
        this.root = root;
        this.text = text;
    }

    /** Parses with the service's own strict parser, so a duplicate key in a response fails the test too. */
    public static JsonBody parse(byte[] utf8) {
        String text = new String(utf8, StandardCharsets.UTF_8);
        try {
            return new JsonBody(StrictJsonParser.parse(utf8), text);
        } catch (MalformedJsonException malformed) {
            throw new AssertionError("the body is not valid JSON: " + malformed.getMessage() + "\n" + text, malformed);
        }
    }

    public static JsonBody of(ApiClient.ApiResponse response) {
        return parse(response.body());
    }

    public String string(String path) {
        return as(path, String.class);
    }

    /** Returns an integer. A fraction such as {@code 1.0} fails the test. */
    public long integer(String path) {
        return as(path, Long.class);
    }

    public boolean bool(String path) {
        return as(path, Boolean.class);
    }

    public boolean has(String path) {
        return find(path) != null;
    }

    public boolean isNull(String path) {
        return value(path) == StrictJsonParser.NULL;
    }

    /** Returns the elements of an array, each readable by paths of its own. */
    public List<JsonBody> list(String path) {
        List<JsonBody> elements = new ArrayList<>();
        for (Object element : as(path, List.class)) {
            elements.add(new JsonBody(element, text));
        }
        return elements;
    }

    /** Returns one string field of every element of an array, such as each {@code errors[].field}. */
    public List<String> strings(String arrayPath, String field) {
        return list(arrayPath).stream().map(element -> element.string(field)).toList();
    }

    @SuppressWarnings("unchecked")
    public Set<String> fieldNames(String path) {
        return ((Map<String, Object>) as(path, Map.class)).keySet();
    }

    /** Returns the value at a path as the parser built it. The empty path is the whole document. */
    public Object value(String path) {
        Object value = find(path);
        if (value == null) {
            throw new AssertionError("no value at \"" + path + "\" in " + text);
        }
        return value;
    }

    @Override
    public String toString() {
        return text;
    }

    private <T> T as(String path, Class<T> type) {
        Object value = value(path);
        if (!type.isInstance(value)) {
            throw new AssertionError("expected a JSON " + type.getSimpleName() + " at \"" + path + "\", found "
                    + value + " in " + text);
        }
        return type.cast(value);
    }

    /** Walks a path of field names and {@code [index]} steps, and returns {@code null} when a step is missing. */
    private Object find(String path) {
        Object current = root;
        for (String step : path.isEmpty() ? new String[0] : path.split("\\.")) {
            int bracket = step.indexOf('[');
            String name = bracket < 0 ? step : step.substring(0, bracket);
            if (!name.isEmpty()) {
                current = current instanceof Map ? ((Map<?, ?>) current).get(name) : null;
            }
            for (int open = bracket; open >= 0 && current != null; open = step.indexOf('[', open + 1)) {
                int index = Integer.parseInt(step.substring(open + 1, step.indexOf(']', open)));
                current = current instanceof List && index < ((List<?>) current).size()
                        ? ((List<?>) current).get(index)
                        : null;
            }
            if (current == null) {
                return null;
            }
        }
        return current;
    }
}
