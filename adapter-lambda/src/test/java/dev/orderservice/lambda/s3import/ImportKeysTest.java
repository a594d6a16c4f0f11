package dev.orderservice.lambda.s3import;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderservice.core.domain.IdempotencyKey;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImportKeysTest {

    private static final ObjectCreated VERSIONED = new ObjectCreated("ObjectCreated:Put", "orders-import",
            "imports/Köln 東京 " + "x".repeat(900) + ".jsonl", "v1", "etag-1");

    @Test
    void idempotency_key_is_valid_for_long_unicode_key() {
        String key = ImportKeys.idempotencyKey(VERSIONED, 1);

        assertThat(IdempotencyKey.isValid(key)).isTrue();
        assertThat(key).hasSizeLessThanOrEqualTo(255);
    }

    @Test
    void idempotency_key_is_stable_per_line() {
        assertThat(ImportKeys.idempotencyKey(VERSIONED, 7)).isEqualTo(ImportKeys.idempotencyKey(VERSIONED, 7));
        assertThat(ImportKeys.idempotencyKey(VERSIONED, 7)).isNotEqualTo(ImportKeys.idempotencyKey(VERSIONED, 8));
    }

    @Test
    void idempotency_key_differs_per_revision_and_bucket() {
        ObjectCreated otherVersion = new ObjectCreated("ObjectCreated:Put", "orders-import", VERSIONED.key(), "v2",
                "etag-1");
        ObjectCreated otherBucket = new ObjectCreated("ObjectCreated:Put", "orders-import-2", VERSIONED.key(), "v1",
                "etag-1");

        assertThat(ImportKeys.idempotencyKey(otherVersion, 1)).isNotEqualTo(ImportKeys.idempotencyKey(VERSIONED, 1));
        assertThat(ImportKeys.idempotencyKey(otherBucket, 1)).isNotEqualTo(ImportKeys.idempotencyKey(VERSIONED, 1));
    }

    @Test
    void unversioned_object_is_keyed_by_etag() {
        ObjectCreated first = new ObjectCreated("ObjectCreated:Put", "b", "imports/a.jsonl", null, "etag-1");
        ObjectCreated replaced = new ObjectCreated("ObjectCreated:Put", "b", "imports/a.jsonl", null, "etag-2");

        assertThat(ImportKeys.idempotencyKey(first, 1)).isNotEqualTo(ImportKeys.idempotencyKey(replaced, 1));
    }

    @Test
    void result_key_is_next_to_import_under_results() {
        assertThat(ImportKeys.resultKey("imports/2026/a b+c.jsonl"))
                .isEqualTo("results/imports/2026/a b+c.jsonl.result.json");
        assertThat(ImportKeys.isResult(ImportKeys.resultKey("imports/a.jsonl"))).isTrue();
    }

    @Test
    void result_key_of_near_limit_key_is_hashed() {
        String longKey = "imports/" + "ü".repeat(500);

        String resultKey = ImportKeys.resultKey(longKey);

        assertThat(resultKey.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(ImportKeys.MAX_KEY_BYTES);
        assertThat(resultKey).startsWith("results/").endsWith(".result.json");
    }
}
