package dev.orderservice.lambda;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Splits and decodes a request target as API Gateway does before it builds an event. */
final class Targets {

    private Targets() {
    }

    /** Returns the path of a target such as {@code /orders?limit=2}, still percent-encoded. */
    static String rawPath(String target) {
        int question = target.indexOf('?');
        return question < 0 ? target : target.substring(0, question);
    }

    /** Returns the query of a target without the {@code ?}, or an empty string. */
    static String rawQuery(String target) {
        int question = target.indexOf('?');
        return question < 0 ? "" : target.substring(question + 1);
    }

    /**
     * Decodes {@code %XX} escapes as UTF-8 and keeps {@code +}, as for a path; a path with a malformed escape is
     * returned as it is.
     */
    static String decodePath(String rawPath) {
        try {
            return URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return rawPath;
        }
    }

    /** Returns whether API Gateway passes a body of this content type as text rather than base64. */
    static boolean isText(Map<String, List<String>> headers, byte[] body) {
        String contentType = headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("Content-Type"))
                .map(header -> header.getValue().get(0))
                .findFirst()
                .orElse("")
                .toLowerCase(Locale.ROOT);
        boolean textual = contentType.startsWith("text/") || contentType.startsWith("application/json");
        return textual && isUtf8(body);
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
    }
}
