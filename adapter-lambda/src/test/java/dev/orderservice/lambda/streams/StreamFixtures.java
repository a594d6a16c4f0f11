package dev.orderservice.lambda.streams;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Loads DynamoDB stream events from the JSON files in events/dynamodb, with AWS's own EventLoader, so that they
 * arrive as the Lambda runtime delivers them to a typed handler: numbers as strings, binary decoded from base64,
 * and {@code ApproximateCreationDateTime} in seconds with a fraction.
 */
final class StreamFixtures {

    /** The order of the USD fixtures: 2 T-shirts and a mug, total 61.81. */
    static final String USD_ORDER_ID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    /** The order of the JPY fixture, total 4308. */
    static final String JPY_ORDER_ID = "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d";

    private StreamFixtures() {
    }

    static DynamodbEvent load(String fixture) {
        return EventLoader.loadDynamoDbEvent("events/dynamodb/" + fixture);
    }

    /**
     * Returns a batch of {@code count} INSERT records, each the insert-placed.json record with an order id and a
     * sequence number of its own, in ascending order.
     *
     * @return the batch, and the order ids in record order
     */
    static Batch insertsOfNewOrders(int count, Path directory) {
        String record = recordOf(read("insert-placed.json"));
        List<String> orderIds = new ArrayList<>();
        List<String> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String orderId = UUID.randomUUID().toString();
            orderIds.add(orderId);
            records.add(record.replace(USD_ORDER_ID, orderId)
                    .replace("111100000000000000000001", sequenceNumber(i)));
        }
        Path file = directory.resolve("inserts-" + count + ".json");
        try {
            Files.writeString(file, "{\"Records\":[" + String.join(",", records) + "]}", StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return new Batch(EventLoader.loadDynamoDbEvent(file.toString()), orderIds);
    }

    static String sequenceNumber(int index) {
        return String.format("3000%020d", index);
    }

    /** A generated batch and the ids of its orders, in record order. */
    record Batch(DynamodbEvent event, List<String> orderIds) {
    }

    /** Returns the text of the first record of a fixture whose {@code Records} has one record. */
    private static String recordOf(String fixture) {
        int start = fixture.indexOf('[') + 1;
        int end = fixture.lastIndexOf(']');
        return fixture.substring(start, end).strip();
    }

    private static String read(String fixture) {
        try (InputStream json = StreamFixtures.class.getResourceAsStream("/events/dynamodb/" + fixture)) {
            return new String(json.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
