package dev.orderservice.lambda.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class StreamImagesTest {

    @Test
    void binary_arrives_decoded_from_base64() {
        DynamodbEvent event = StreamFixtures.load("insert-yen-with-binary.json");

        Map<String, AttributeValue> item = StreamImages.toSdk(event.getRecords().get(0).getDynamodb().getNewImage());

        assertThat(item.get("importChecksum").b())
                .isEqualTo(SdkBytes.fromByteArray(HexFormat.of().parseHex("abcdef1234567890")));
    }

    @Test
    void numbers_stay_decimal_strings() {
        DynamodbEvent event = StreamFixtures.load("insert-yen-with-binary.json");

        Map<String, AttributeValue> item = StreamImages.toSdk(event.getRecords().get(0).getDynamodb().getNewImage());

        assertThat(item.get("version").n()).isEqualTo("1");
        assertThat(item.get("lines").l().get(0).m().get("quantity").n()).isEqualTo("2");
        assertThat(item.get("total").s()).isEqualTo("4308");
    }

    @Test
    void every_attribute_type_converts() {
        var value = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
        value.setM(Map.of(
                "bool", new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue()
                        .withBOOL(true),
                "null", new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue()
                        .withNULL(true),
                "strings", new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue()
                        .withSS(List.of("a", "b")),
                "numbers", new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue()
                        .withNS(List.of("1.50", "-2"))));

        AttributeValue converted = StreamImages.toSdk(value);

        assertThat(converted.m().get("bool").bool()).isTrue();
        assertThat(converted.m().get("null").nul()).isTrue();
        assertThat(converted.m().get("strings").ss()).containsExactly("a", "b");
        assertThat(converted.m().get("numbers").ns()).containsExactly("1.50", "-2");
    }
}
