package dev.orderservice.lambda.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import dev.orderservice.adapter.eventbridge.PutEventsTestServer;
import dev.orderservice.adapter.eventbridge.PutEventsTestServer.Entry;
import dev.orderservice.adapter.eventbridge.PutEventsTestServer.Reply;
import dev.orderservice.lambda.aws.StructuredLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stream handler as Lambda builds it, publishing to a PutEvents test server on 127.0.0.1. */
class OrderStreamPublishingTest {

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private PutEventsTestServer eventBridge;
    private OrderStreamHandler handler;

    @TempDir
    Path directory;

    @BeforeEach
    void startFunction() {
        // Nothing in these tests may reach the instance metadata address, even through a credentials chain.
        System.setProperty("aws.disableEc2Metadata", "true");
        eventBridge = PutEventsTestServer.start();
        handler = OrderStreamHandler.forEnvironment(Map.of(
                "EVENTBRIDGE_ENDPOINT", eventBridge.endpoint().toString(),
                "EVENT_BUS_NAME", "orders-events",
                "AWS_ACCESS_KEY_ID", "test-key",
                "AWS_SECRET_ACCESS_KEY", "test-secret",
                "AWS_SESSION_TOKEN", "test-token"),
                new StructuredLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8)));
    }

    @AfterEach
    void stopServer() {
        eventBridge.close();
    }

    @Test
    void entries_name_event_bus_source_and_money_as_string() {
        StreamsEventResponse response = handler.handleRequest(StreamFixtures.load("modify-status-changes.json"), null);

        List<Entry> entries = eventBridge.calls().get(0);
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(entries).extracting(Entry::detailType).containsExactly("OrderPaid", "OrderCancelled");
        assertThat(entries).extracting(Entry::eventBusName).containsOnly("orders-events");
        assertThat(entries).extracting(Entry::source).containsOnly("dev.orderservice.orders");
        assertThat(entries.get(0).detail()).isEqualTo("{\"orderId\":\"" + StreamFixtures.USD_ORDER_ID + "\","
                + "\"customerId\":\"cust-42\",\"total\":\"61.81\",\"currency\":\"USD\",\"version\":2,"
                + "\"occurredAt\":\"2026-12-04T19:03:00.789Z\"}");
    }

    @Test
    void twelve_inserts_go_in_calls_of_10_and_2() {
        StreamFixtures.Batch batch = StreamFixtures.insertsOfNewOrders(12, directory);

        StreamsEventResponse response = handler.handleRequest(batch.event(), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(eventBridge.calls()).extracting(List::size).containsExactly(10, 2);
        assertThat(eventBridge.receivedEvents()).extracting(event -> event.orderId().value())
                .containsExactlyElementsOf(batch.orderIds());
    }

    @Test
    void entry_failing_every_retry_reports_its_record() {
        StreamFixtures.Batch batch = StreamFixtures.insertsOfNewOrders(12, directory);
        Reply fourthThrottled = Reply.failingEntries(Map.of(3, "ThrottlingException"));
        Reply onlyEntryThrottled = Reply.failingEntries(Map.of(0, "ThrottlingException"));
        eventBridge.reply(fourthThrottled, onlyEntryThrottled, onlyEntryThrottled, onlyEntryThrottled);

        StreamsEventResponse response = handler.handleRequest(batch.event(), null);

        assertThat(response.getBatchItemFailures()).extracting(BatchItemFailure::getItemIdentifier)
                .containsExactly(StreamFixtures.sequenceNumber(3));
        assertThat(eventBridge.calls()).hasSize(4);
        assertThat(logBytes.toString(StandardCharsets.UTF_8)).contains("ThrottlingException");
    }

    @Test
    void partial_failure_that_passes_on_retry_reports_nothing() {
        StreamFixtures.Batch batch = StreamFixtures.insertsOfNewOrders(3, directory);
        eventBridge.reply(Reply.failingEntries(Map.of(0, "InternalFailure", 2, "ThrottlingException")));

        StreamsEventResponse response = handler.handleRequest(batch.event(), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(eventBridge.calls()).extracting(List::size).containsExactly(3, 2);
    }

    @Test
    void throttled_calls_are_retried_then_accepted() {
        DynamodbEvent event = StreamFixtures.load("insert-placed.json");
        eventBridge.reply(Reply.throttling(), Reply.throttling());

        StreamsEventResponse response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(eventBridge.calls()).hasSize(3);
    }

    @Test
    void throttling_past_retries_reports_first_record() {
        DynamodbEvent event = StreamFixtures.load("modify-status-changes.json");
        eventBridge.reply(Reply.throttling(), Reply.throttling(), Reply.throttling(), Reply.throttling());

        StreamsEventResponse response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).extracting(BatchItemFailure::getItemIdentifier)
                .containsExactly("111200000000000000000002");
    }
}
