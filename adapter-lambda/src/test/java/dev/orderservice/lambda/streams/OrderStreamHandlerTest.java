package dev.orderservice.lambda.streams;

import static dev.orderservice.lambda.streams.StreamFixtures.JPY_ORDER_ID;
import static dev.orderservice.lambda.streams.StreamFixtures.USD_ORDER_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import dev.orderservice.adapter.inmemory.InMemoryOrderEventPublisher;
import dev.orderservice.core.domain.CustomerId;
import dev.orderservice.core.domain.Money;
import dev.orderservice.core.domain.OrderDomainEvent;
import dev.orderservice.core.domain.OrderDomainEvent.Type;
import dev.orderservice.core.domain.OrderId;
import dev.orderservice.core.port.out.OrderEventPublisher;
import dev.orderservice.http.contract.JsonBody;
import dev.orderservice.lambda.aws.StructuredLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderStreamHandlerTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");

    private final InMemoryOrderEventPublisher published = new InMemoryOrderEventPublisher();
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final StructuredLog log = new StructuredLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8));

    @Test
    void fixture_creation_time_keeps_its_fraction() {
        DynamodbEvent event = StreamFixtures.load("insert-placed.json");

        assertThat(event.getRecords().get(0).getDynamodb().getApproximateCreationDateTime().toInstant())
                .isEqualTo(Instant.parse("2026-12-04T19:00:00.123Z"));
    }

    @Test
    void insert_announces_order_placed() {
        StreamsEventResponse response = handle("insert-placed.json");

        assertThat(published.published()).containsExactly(new OrderDomainEvent(Type.ORDER_PLACED,
                new OrderId(USD_ORDER_ID), new CustomerId("cust-42"), Money.parse("61.81", USD), 1,
                Instant.parse("2026-12-04T19:00:00.123Z")));
        assertThat(response.getBatchItemFailures()).isEmpty();
    }

    @Test
    void status_changes_announce_each_new_status() {
        handle("modify-status-changes.json");

        assertThat(published.published()).extracting(OrderDomainEvent::type)
                .containsExactly(Type.ORDER_PAID, Type.ORDER_CANCELLED);
        assertThat(published.published()).extracting(OrderDomainEvent::version).containsExactly(2L, 3L);
        assertThat(published.published()).extracting(OrderDomainEvent::occurredAt).containsExactly(
                Instant.parse("2026-12-04T19:03:00.789Z"), Instant.parse("2026-12-04T19:10:00.001Z"));
        assertThat(published.published()).extracting(event -> event.total().toPlainString())
                .containsOnly("61.81");
    }

    @Test
    void yen_total_keeps_no_minor_digits() {
        handle("insert-yen-with-binary.json");

        OrderDomainEvent event = published.published().get(0);
        assertThat(event.orderId().value()).isEqualTo(JPY_ORDER_ID);
        assertThat(event.total()).isEqualTo(Money.parse("4308", JPY));
        assertThat(event.total().toPlainString()).isEqualTo("4308");
    }

    @Test
    void change_without_status_change_publishes_nothing() {
        StreamsEventResponse response = handle("modify-without-status-change.json");

        assertThat(published.published()).isEmpty();
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(logLine().integer("unchangedStatus")).isEqualTo(1);
    }

    @Test
    void remove_and_ttl_delete_publish_nothing() {
        handle("remove-and-ttl-delete.json");

        assertThat(published.published()).isEmpty();
        assertThat(logLine().integer("removed")).isEqualTo(2);
    }

    @Test
    void keys_only_records_publish_nothing_and_log_hint() {
        handle("keys-only.json");

        assertThat(published.published()).isEmpty();
        assertThat(logLine().integer("withoutNewImage")).isEqualTo(2);
        assertThat(logLine().string("hint")).contains("NEW_AND_OLD_IMAGES");
    }

    @Test
    void modify_without_old_image_publishes_nothing() {
        handle("modify-new-image-only.json");

        assertThat(published.published()).isEmpty();
        assertThat(logLine().integer("withoutOldImage")).isEqualTo(1);
    }

    @Test
    void non_order_image_is_skipped() {
        StreamsEventResponse response = handle("insert-not-an-order.json");

        assertThat(published.published()).extracting(event -> event.orderId().value()).containsExactly(USD_ORDER_ID);
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(logLines().get(0)).contains("\"level\":\"ERROR\"", "112100000000000000000011", "not-an-order");
    }

    @Test
    void first_unpublished_record_is_reported(@TempDir Path directory) {
        StreamFixtures.Batch batch = StreamFixtures.insertsOfNewOrders(5, directory);
        OrderEventPublisher failingFromThird = events -> {
            List<OrderEventPublisher.Failure> failures = new ArrayList<>();
            for (int i = 2; i < events.size(); i++) {
                failures.add(new OrderEventPublisher.Failure(events.get(i), "ThrottlingException: Rate exceeded"));
            }
            return failures;
        };

        StreamsEventResponse response = new OrderStreamHandler(failingFromThird, log)
                .handleRequest(batch.event(), null);

        assertThat(response.getBatchItemFailures()).extracting(BatchItemFailure::getItemIdentifier)
                .containsExactly(StreamFixtures.sequenceNumber(2));
        assertThat(logLine().string("level")).isEqualTo("ERROR");
        assertThat(logLine().string("failure")).isEqualTo("ThrottlingException: Rate exceeded");
        assertThat(logLine().string("failedOrderId")).isEqualTo(batch.orderIds().get(2));
    }

    @Test
    void skipped_records_before_failure_do_not_shift_it() {
        DynamodbEvent batch = StreamFixtures.load("remove-and-ttl-delete.json");
        batch.getRecords().addAll(StreamFixtures.load("modify-status-changes.json").getRecords());
        OrderEventPublisher failingSecond = events -> List.of(new OrderEventPublisher.Failure(events.get(1),
                "InternalFailure: try again"));

        StreamsEventResponse response = new OrderStreamHandler(failingSecond, log).handleRequest(batch, null);

        assertThat(response.getBatchItemFailures()).extracting(BatchItemFailure::getItemIdentifier)
                .containsExactly("111300000000000000000003");
    }

    @Test
    void empty_batch_publishes_nothing() {
        StreamsEventResponse response = new OrderStreamHandler(published, log).handleRequest(new DynamodbEvent(),
                null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(published.published()).isEmpty();
    }

    private StreamsEventResponse handle(String fixture) {
        return new OrderStreamHandler(published, log).handleRequest(StreamFixtures.load(fixture), null);
    }

    private List<String> logLines() {
        return List.of(logBytes.toString(StandardCharsets.UTF_8).split("\n"));
    }

    /** Returns the batch's log line, which is the last one. */
    private JsonBody logLine() {
        List<String> lines = logLines();
        return JsonBody.parse(lines.get(lines.size() - 1).getBytes(StandardCharsets.UTF_8));
    }
}
