package dev.orderservice.lambda.streams;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import dev.orderservice.adapter.dynamodb.OrdersTableItems;
import dev.orderservice.adapter.eventbridge.EventBridgeOrderEventPublisher;
import dev.orderservice.adapter.eventbridge.EventBridgeSettings;
import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.OrderDomainEvent;
import dev.orderservice.core.port.out.OrderEventPublisher;
import dev.orderservice.core.port.out.OrderEventPublisher.Failure;
import dev.orderservice.lambda.aws.LambdaCredentials;
import dev.orderservice.lambda.aws.StructuredLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Lambda handler for the orders table's stream:
 * {@code dev.orderservice.lambda.streams.OrderStreamHandler::handleRequest}. It turns each change of an order
 * into at most one domain event, by the core's rule, and publishes them to EventBridge.
 *
 * <p>Records publish nothing when they are {@code REMOVE}s, time-to-live deletions among them; when they have no
 * new image, as in a stream with the {@code KEYS_ONLY} view; and when the change keeps the order's status. On the
 * first record whose event cannot be published, it returns that record's sequence number as the batch item
 * failure, so Lambda retries the shard from there, with {@code ReportBatchItemFailures} on the event source
 * mapping. Events after it may have been published already, so subscribers see them again on the retry.
 */
public final class OrderStreamHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private final OrderEventPublisher publisher;
    private final StructuredLog log;

    /** Builds the handler as the Lambda runtime does, once per execution environment, from its variables. */
    public OrderStreamHandler() {
        this(ExecutionEnvironment.HANDLER.publisher, ExecutionEnvironment.HANDLER.log);
    }

    OrderStreamHandler(OrderEventPublisher publisher, StructuredLog log) {
        this.publisher = publisher;
        this.log = log;
    }

    /**
     * Builds a handler that publishes to the bus that {@code EVENT_BUS_NAME}, {@code EVENT_SOURCE},
     * {@code EVENTBRIDGE_ENDPOINT} and {@code AWS_REGION} configure, with the credentials that Lambda sets.
     *
     * @throws IllegalArgumentException naming the variable to fix when one is not valid
     */
    static OrderStreamHandler forEnvironment(Map<String, String> environment, StructuredLog log) {
        OrderEventPublisher publisher = EventBridgeOrderEventPublisher.create(
                EventBridgeSettings.fromEnvironment(environment), LambdaCredentials.fromEnvironment(environment));
        return new OrderStreamHandler(publisher, log);
    }

    /** The JVM initialises this class once, on first use and under its initialisation lock. */
    private static final class ExecutionEnvironment {
        static final OrderStreamHandler HANDLER = forEnvironment(System.getenv(), StructuredLog.toStandardOutput());
    }

    /** An event to publish and the stream record it came from. */
    private record RecordEvent(String sequenceNumber, OrderDomainEvent event) {
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent batch, Context context) {
        String requestId = context == null ? null : context.getAwsRequestId();
        List<DynamodbStreamRecord> records = batch.getRecords() == null ? List.of() : batch.getRecords();
        SkipCounts skipped = new SkipCounts();
        List<RecordEvent> pending = new ArrayList<>();
        for (DynamodbStreamRecord record : records) {
            eventOf(record, skipped, requestId).ifPresent(event ->
                    pending.add(new RecordEvent(record.getDynamodb().getSequenceNumber(), event)));
        }

        List<Failure> failures = publisher.publish(pending.stream().map(RecordEvent::event).toList());

        Optional<RecordEvent> firstFailed = failures.isEmpty() ? Optional.empty()
                : pending.stream().filter(candidate -> candidate.event().equals(failures.get(0).event())).findFirst();
        logBatch(requestId, records.size(), pending.size(), skipped, failures, firstFailed);
        List<BatchItemFailure> batchItemFailures = firstFailed
                .map(failed -> List.of(new BatchItemFailure(failed.sequenceNumber())))
                .orElse(List.of());
        return new StreamsEventResponse(batchItemFailures);
    }

    /** Counts the records that publish nothing, by reason, for the batch's log line. */
    private static final class SkipCounts {
        int removed;
        int withoutNewImage;
        int withoutOldImage;
        int unchangedStatus;
        int unreadable;
    }

    private Optional<OrderDomainEvent> eventOf(DynamodbStreamRecord record, SkipCounts skipped, String requestId) {
        StreamRecord change = record.getDynamodb();
        if ("REMOVE".equals(record.getEventName())) {
            skipped.removed++;
            return Optional.empty();
        }
        if (change == null || change.getNewImage() == null) {
            skipped.withoutNewImage++;
            return Optional.empty();
        }
        boolean insert = "INSERT".equals(record.getEventName());
        if (!insert && change.getOldImage() == null) {
            // Without the old image, a change of status cannot be distinguished from any other change.
            skipped.withoutOldImage++;
            return Optional.empty();
        }

        Optional<OrderDomainEvent> event;
        try {
            Order current = toOrder(change.getNewImage());
            Order previous = insert ? null : toOrder(change.getOldImage());
            event = OrderDomainEvent.forChange(previous, current);
        } catch (IllegalArgumentException | IllegalStateException notAnOrder) {
            // A retry would read the same image, so the record is logged and skipped instead of blocking the shard.
            skipped.unreadable++;
            log.line("ERROR", "skipped a stream record whose image is not an order: " + notAnOrder.getMessage())
                    .field("requestId", requestId).field("sequenceNumber", change.getSequenceNumber())
                    .field("orderId", keyOf(change)).write();
            return Optional.empty();
        }
        if (event.isEmpty()) {
            skipped.unchangedStatus++;
        }
        return event;
    }

    private static Order toOrder(Map<String, AttributeValue> image) {
        return OrdersTableItems.toOrder(StreamImages.toSdk(image));
    }

    private static String keyOf(StreamRecord change) {
        Map<String, AttributeValue> keys = change.getKeys();
        AttributeValue orderId = keys == null ? null : keys.get("orderId");
        return orderId == null ? null : orderId.getS();
    }

    private void logBatch(String requestId, int records, int events, SkipCounts skipped, List<Failure> failures,
            Optional<RecordEvent> firstFailed) {
        StructuredLog.Line line = failures.isEmpty()
                ? log.line("INFO", "published " + events + " events from " + records + " stream records")
                : log.line("ERROR", "published " + (events - failures.size()) + " of " + events + " events; the"
                        + " shard is retried from the first record that failed");
        line.field("requestId", requestId).field("records", records).field("events", events)
                .field("removed", skipped.removed).field("withoutNewImage", skipped.withoutNewImage)
                .field("withoutOldImage", skipped.withoutOldImage).field("unchangedStatus", skipped.unchangedStatus)
                .field("unreadable", skipped.unreadable);
        if (!failures.isEmpty()) {
            line.field("failedEvents", failures.size())
                    .field("failedSequenceNumber", firstFailed.map(RecordEvent::sequenceNumber).orElse(null))
                    .field("failedOrderId", failures.get(0).event().orderId().value())
                    .field("failure", failures.get(0).reason());
        }
        if (skipped.withoutNewImage > 0 || skipped.withoutOldImage > 0) {
            line.field("hint", "set the table's StreamViewType to NEW_AND_OLD_IMAGES, or status changes are missed");
        }
        line.write();
    }
}
