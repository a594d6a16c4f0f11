package dev.orderservice.adapter.eventbridge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Builds publishers that send to a test server and record their backoff instead of waiting. */
final class TestPublishers {

    static final String BUS = "orders-test-bus";
    static final String SOURCE = "dev.orderservice.test";

    private TestPublishers() {
    }

    static EventBridgeSettings settings(PutEventsTestServer server) {
        return EventBridgeSettings.fromEnvironment(Map.of("EVENTBRIDGE_ENDPOINT", server.endpoint().toString(),
                "EVENT_BUS_NAME", BUS, "EVENT_SOURCE", SOURCE));
    }

    /** Returns a publisher to the server whose waits before attempts 2, 3, … are added to {@code pauses}. */
    static EventBridgeOrderEventPublisher publisher(PutEventsTestServer server, List<Integer> pauses) {
        // Nothing in these tests may reach the instance metadata address, even through a credentials chain.
        System.setProperty("aws.disableEc2Metadata", "true");
        EventBridgeSettings settings = settings(server);
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create("test-key", "test-secret"));
        return new EventBridgeOrderEventPublisher(EventBridgeClients.create(settings, credentials), settings,
                pauses::add);
    }

    static EventBridgeOrderEventPublisher publisher(PutEventsTestServer server) {
        return publisher(server, new ArrayList<>());
    }
}
