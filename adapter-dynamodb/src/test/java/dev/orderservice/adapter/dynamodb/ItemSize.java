package dev.orderservice.adapter.dynamodb;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Estimates an item's size as DynamoDB counts it against its 400 KB item limit.
 *
 * <p>The rules come from the DynamoDB Developer Guide's page "DynamoDB item sizes and formats". Names and strings
 * count their UTF-8 bytes, and a boolean counts 1 byte. A number counts 1 byte per two significant digits, plus 1.
 * A list or map counts 3 bytes, 1 byte per element, and its elements. The guide calls the number rule approximate,
 * so the result is an estimate.
 */
final class ItemSize {

    private ItemSize() {
    }

    static long of(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += utf8(attribute.getKey()) + valueSize(attribute.getValue());
        }
        return size;
    }

    private static long valueSize(AttributeValue value) {
        switch (value.type()) {
            case S:
                return utf8(value.s());
            case N:
                int digits = new BigDecimal(value.n()).stripTrailingZeros().precision();
                return (digits + 1) / 2 + 1;
            case BOOL:
            case NUL:
                return 1;
            case L:
                return 3 + value.l().stream().mapToLong(element -> 1 + valueSize(element)).sum();
            case M:
                return 3 + value.m().size() + of(value.m());
            default:
                throw new IllegalArgumentException("no size rule for attribute type " + value.type());
        }
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
