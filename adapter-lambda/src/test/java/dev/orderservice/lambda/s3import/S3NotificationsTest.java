package dev.orderservice.lambda.s3import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.orderservice.lambda.s3import.S3Notifications.NotificationRecord;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class S3NotificationsTest {

    @Test
    void versioned_put_reads_bucket_key_version_and_etag() throws IOException {
        List<NotificationRecord> records = read("object-created-put.json");

        ObjectCreated object = records.get(0).object();
        assertThat(records).hasSize(1);
        assertThat(object.eventName()).isEqualTo("ObjectCreated:Put");
        assertThat(object.bucket()).isEqualTo("orders-import-123456789012");
        assertThat(object.key()).isEqualTo("imports/2026/Köln spring sale a+b 100%.jsonl");
        assertThat(object.versionId()).isEqualTo("096fKKXTRTtl3on89fVO.nfljtsv6qko");
        assertThat(object.eTag()).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
    }

    @Test
    void key_decodes_as_aws_event_library_does() throws IOException {
        S3Event aws = EventLoader.loadS3Event("events/s3/object-created-put.json");

        ObjectCreated object = read("object-created-put.json").get(0).object();

        assertThat(object.key()).isEqualTo(aws.getRecords().get(0).getS3().getObject().getUrlDecodedKey());
    }

    @Test
    void unversioned_object_has_no_version_and_removal_is_not_created() throws IOException {
        List<NotificationRecord> records = read("object-created-unversioned-and-removed.json");

        assertThat(records).extracting(NotificationRecord::isObjectCreated).containsExactly(true, false);
        assertThat(records.get(0).object().versionId()).isNull();
        assertThat(records.get(0).object().revision()).isEqualTo("etag:5d8b4f2e1c0a9f3b7e6d4c2a1b0f9e8d-88");
        assertThat(records.get(0).object().key()).isEqualTo("imports/%2B already encoded.jsonl");
    }

    @Test
    void test_event_has_no_records() throws IOException {
        assertThat(read("test-event.json")).isEmpty();
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "imports/spring+sale.jsonl              | imports/spring sale.jsonl",
        "imports/a%2Bb.jsonl                    | imports/a+b.jsonl",
        "imports/100%25+cotton.jsonl            | imports/100% cotton.jsonl",
        "imports/%25252B.jsonl                  | imports/%252B.jsonl",
        "imports/K%C3%B6ln+%E6%9D%B1%E4%BA%AC.jsonl | imports/Köln 東京.jsonl",
        "imports%2Fnested%2Fkey.jsonl           | imports/nested/key.jsonl"})
    void key_is_decoded_exactly_once(String encoded, String decoded) {
        assertThat(S3Notifications.decodeKey(encoded)).isEqualTo(decoded);
    }

    @Test
    void malformed_escape_is_rejected() {
        assertThatThrownBy(() -> S3Notifications.decodeKey("imports/100%.jsonl"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<NotificationRecord> read(String fixture) throws IOException {
        try (InputStream json = S3NotificationsTest.class.getResourceAsStream("/events/s3/" + fixture)) {
            return S3Notifications.read(json);
        }
    }
}
