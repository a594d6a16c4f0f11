package dev.orderservice.lambda.s3import;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the records of an S3 event notification, as Lambda delivers it, with jackson-core's streaming parser.
 *
 * <p>Reading is lenient because AWS adds fields over time: unknown fields are skipped. A notification without
 * {@code Records}, such as the {@code s3:TestEvent} that S3 sends when a notification is configured, has no
 * records.
 */
final class S3Notifications {

    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    private S3Notifications() {
    }

    /** A record of the notification, before its event name is checked. */
    record NotificationRecord(String eventName, String bucket, String encodedKey, String versionId, String eTag) {

        boolean isObjectCreated() {
            return eventName != null && eventName.startsWith("ObjectCreated:");
        }

        /**
         * Returns the object this record announces, with its key decoded.
         *
         * @throws IllegalArgumentException when the record lacks the bucket, key or entity tag, or the key's
         *     encoding is malformed
         */
        ObjectCreated object() {
            if (bucket == null || encodedKey == null || eTag == null) {
                throw new IllegalArgumentException("an ObjectCreated record needs s3.bucket.name, s3.object.key and"
                        + " s3.object.eTag");
            }
            return new ObjectCreated(eventName, bucket, decodeKey(encodedKey), versionId, eTag);
        }
    }

    /**
     * Decodes an object key as S3 encodes it in notifications, which is form encoding: {@code +} is a space and
     * {@code %XX} an octet of UTF-8, so a literal plus arrives as {@code %2B} and a literal percent as
     * {@code %25}. The key is decoded exactly once, because decoding a decoded key again would turn a
     * {@code %25} that became {@code %} into yet another character.
     *
     * @throws IllegalArgumentException when an escape is malformed, such as {@code %G1} or a trailing {@code %}
     */
    static String decodeKey(String encodedKey) {
        return URLDecoder.decode(encodedKey, StandardCharsets.UTF_8);
    }

    /** Reads every record of a notification, in order. */
    static List<NotificationRecord> read(InputStream notification) throws IOException {
        List<NotificationRecord> records = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(notification)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("an S3 notification is a JSON object, but the event starts with "
                        + parser.currentToken());
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("Records") && parser.currentToken() == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        records.add(readRecord(parser));
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
        return records;
    }

    private static NotificationRecord readRecord(JsonParser parser) throws IOException {
        Map<String, String> values = new HashMap<>();
        readFields(parser, "", values);
        return new NotificationRecord(values.get("eventName"), values.get("s3.bucket.name"),
                values.get("s3.object.key"), values.get("s3.object.versionId"), values.get("s3.object.eTag"));
    }

    /** Reads the scalar fields of an object and of the objects in it, named by their dotted paths. */
    private static void readFields(JsonParser parser, String prefix, Map<String, String> values) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String path = prefix + parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_OBJECT) {
                readFields(parser, path + ".", values);
            } else if (value == JsonToken.START_ARRAY) {
                parser.skipChildren();
            } else if (value != JsonToken.VALUE_NULL) {
                values.put(path, parser.getText());
            }
        }
    }
}
