package dev.orderservice.lambda.s3import;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Derives the names that an import gives to what it writes: idempotency keys and the result object's key. */
final class ImportKeys {

    /** The prefix of result objects, which the notification's prefix filter must exclude so they are not imported. */
    static final String RESULTS_PREFIX = "results/";
    static final String RESULT_SUFFIX = ".result.json";

    /** S3's limit on the length of a key, in bytes of UTF-8. */
    static final int MAX_KEY_BYTES = 1024;

    private ImportKeys() {
    }

    /**
     * Returns the idempotency key of one line of one object revision: the same for every delivery of the same
     * notification and every re-run of the same object, and different for another line, object or revision.
     *
     * <p>It is a SHA-256 digest in hex behind a prefix, because a bucket and key can be longer, and have more
     * characters, than the 1 to 255 printable ASCII characters that an idempotency key may have.
     */
    static String idempotencyKey(ObjectCreated object, int lineNumber) {
        String line = object.bucket() + "\n" + object.key() + "\n" + object.revision() + "\n" + lineNumber;
        return "s3-import-" + sha256Hex(line);
    }

    /**
     * Returns the key of the result object of an import: the imported key under {@link #RESULTS_PREFIX} with
     * {@link #RESULT_SUFFIX} appended, or the key's digest in its place when that would be longer than S3 allows.
     */
    static String resultKey(String importedKey) {
        String key = RESULTS_PREFIX + importedKey + RESULT_SUFFIX;
        if (key.getBytes(StandardCharsets.UTF_8).length <= MAX_KEY_BYTES) {
            return key;
        }
        return RESULTS_PREFIX + sha256Hex(importedKey) + RESULT_SUFFIX;
    }

    static boolean isResult(String key) {
        return key.startsWith(RESULTS_PREFIX);
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException missing) {
            // Every Java SE runtime must provide SHA-256.
            throw new IllegalStateException(missing);
        }
    }
}
