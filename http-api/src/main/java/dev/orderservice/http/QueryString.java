package dev.orderservice.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses a raw query string, as the local server and an HTTP API's {@code rawQueryString} carry it. */
public final class QueryString {

    private QueryString() {
    }

    /**
     * Returns every parameter with all its values, in order; {@code +} is a space and {@code %XX} a byte of UTF-8.
     * A malformed escape is kept as written, so parsing never fails and validation can name the parameter.
     *
     * @param rawQuery the part after {@code ?}, or {@code null} for none
     */
    public static Map<String, List<String>> parse(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String decode(String text) {
        return PercentDecoding.decode(text, true);
    }
}
