package dev.orderservice.lambda.streams;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts an image of a DynamoDB stream record, in the Lambda events library's attribute values, into the AWS
 * SDK's attribute values that the DynamoDB adapter reads.
 *
 * <p>The two models carry the same JSON: numbers as decimal strings, binary as bytes that Lambda decodes from
 * base64. Numbers stay strings here, so no digit of an amount or version is lost on the way.
 */
final class StreamImages {

    private StreamImages() {
    }

    static Map<String, AttributeValue> toSdk(
            Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
        Map<String, AttributeValue> item = new HashMap<>(image.size() * 2);
        image.forEach((name, value) -> item.put(name, toSdk(value)));
        return item;
    }

    /**
     * Converts one value, whichever of its fields is set.
     *
     * @throws IllegalArgumentException when no field is set, which no stream record contains
     */
    static AttributeValue toSdk(com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue value) {
        if (value.getS() != null) {
            return AttributeValue.fromS(value.getS());
        }
        if (value.getN() != null) {
            return AttributeValue.fromN(value.getN());
        }
        if (value.getB() != null) {
            return AttributeValue.fromB(SdkBytes.fromByteBuffer(value.getB()));
        }
        if (value.getBOOL() != null) {
            return AttributeValue.fromBool(value.getBOOL());
        }
        if (value.getNULL() != null) {
            return AttributeValue.fromNul(value.getNULL());
        }
        if (value.getM() != null) {
            return AttributeValue.fromM(toSdk(value.getM()));
        }
        if (value.getL() != null) {
            List<AttributeValue> list = new ArrayList<>(value.getL().size());
            value.getL().forEach(element -> list.add(toSdk(element)));
            return AttributeValue.fromL(list);
        }
        if (value.getSS() != null) {
            return AttributeValue.fromSs(value.getSS());
        }
        if (value.getNS() != null) {
            return AttributeValue.fromNs(value.getNS());
        }
        if (value.getBS() != null) {
            return AttributeValue.fromBs(value.getBS().stream().map(SdkBytes::fromByteBuffer).toList());
        }
        throw new IllegalArgumentException("a stream image has an attribute value with no type set");
    }
}
