package dev.orderservice.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Decodes URL percent-escapes as UTF-8, for paths and query strings alike. */
public final class PercentDecoding {

    private PercentDecoding() {
    }

    /** Decodes a raw path such as {@code /product%73}; a {@code +} stays a plus sign, as RFC 3986 has it. */
    public static String decodePath(String rawPath) {
        return decode(rawPath, false);
    }

    /**
     * Decodes {@code %XX} escapes as UTF-8 bytes; a malformed escape is kept as written, so decoding never fails
     * and validation can name the value.
     *
     * @param plusIsSpace whether {@code +} means a space, as in a query string
     */
    static String decode(String text, boolean plusIsSpace) {
        if (text.indexOf('%') < 0 && (!plusIsSpace || text.indexOf('+') < 0)) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (c == '+' && plusIsSpace) {
                bytes.write(' ');
                i++;
            } else if (c == '%' && i + 2 < text.length() && isHex(text, i + 1) && isHex(text, i + 2)) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                byte[] encoded = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i += Character.charCount(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(String text, int index) {
        return Character.digit(text.charAt(index), 16) >= 0;
    }
}
