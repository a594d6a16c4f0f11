package dev.orderservice.lambda;

import static dev.orderservice.lambda.EventFunction.ORDER_A;
import static dev.orderservice.lambda.EventFunction.ORDER_B;
import static dev.orderservice.lambda.EventFunction.ORDER_C;
import static dev.orderservice.lambda.EventFunction.sqsFixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.OrderStatus;
import dev.orderservice.core.port.in.ApplyOrderEventUseCase;
import dev.orderservice.http.contract.JsonBody;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SqsEventHandler} on the in-memory store, with SQS batches as Lambda delivers them from standard and FIFO
 * queues. The fixtures' orders A, B and C are placed before each test.
 */
class SqsEventHandlerTest {

    protected EventFunction function;

    @BeforeEach
    void startFunction() {
        function = newFunction();
    }

    /** Returns a function on a fresh store. A subclass on another store overrides it. */
    protected EventFunction newFunction() {
        return EventFunction.inMemory();
    }

    @Test
    void standard_batch_reports_exactly_the_bad_messages() {
        SQSEvent batch = sqsFixture("standard-batch.json");

        SQSBatchResponse response = function.sqsHandler().handleRequest(batch, TestContext.random());

        assertThat(reported(response)).containsExactlyElementsOf(messageIds(batch, 1, 2, 3));
        assertThat(function.order(ORDER_A).status()).isEqualTo(OrderStatus.PAID);
        assertThat(function.order(ORDER_A).version()).isEqualTo(2);
        assertThat(function.order(ORDER_B).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(function.order(ORDER_B).cancellationReason()).contains(Order.PAYMENT_FAILED_REASON);
        assertThat(function.order(ORDER_B).version()).isEqualTo(2);
        assertThat(function.order(ORDER_C).status()).isEqualTo(OrderStatus.PLACED);
        assertThat(function.order(ORDER_C).version()).isEqualTo(1);
    }

    @Test
    void standard_batch_logs_one_line_per_message() {
        SQSEvent batch = sqsFixture("standard-batch.json");

        function.sqsHandler().handleRequest(batch, new TestContext("request-1"));

        List<JsonBody> lines = function.logLines();
        assertThat(lines).hasSize(5);
        assertThat(lines).extracting(line -> line.string("messageId"))
                .containsExactlyElementsOf(messageIds(batch, 0, 1, 2, 3, 4));
        assertThat(lines).extracting(line -> line.string("outcome"))
                .containsExactly("applied", "rejected", "rejected", "rejected", "applied");
        assertThat(lines.subList(1, 4)).extracting(line -> line.string("reason"))
                .containsExactly("INVALID", "NOT_FOUND", "CONFLICT");
        assertThat(lines).allSatisfy(line -> assertThat(line.string("requestId")).isEqualTo("request-1"));
        assertThat(lines).allSatisfy(line -> assertThat(line.string("source")).isEqualTo("sqs"));
    }

    @Test
    void log_names_event_but_not_body() {
        function.sqsHandler().handleRequest(sqsFixture("standard-batch.json"), TestContext.random());

        List<JsonBody> lines = function.logLines();
        JsonBody applied = lines.get(0);
        assertThat(applied.string("eventId")).isEqualTo("evt-a-captured");
        assertThat(applied.string("type")).isEqualTo("PaymentCaptured");
        assertThat(applied.string("orderId")).isEqualTo(ORDER_A.value());
        assertThat(applied.string("status")).isEqualTo("PAID");
        assertThat(applied.integer("version")).isEqualTo(2);
        assertThat(lines.get(1).has("eventId")).isFalse();
        assertThat(lines.get(1).string("message")).contains("line 1");
        assertThat(function.logText()).doesNotContain("evt-broken", "occurredAt", "2026-12-04T19:03:00Z");
    }

    @Test
    void batch_delivered_twice_applies_nothing_twice() {
        SQSEvent batch = sqsFixture("standard-batch.json");
        function.sqsHandler().handleRequest(batch, TestContext.random());
        Order paid = function.order(ORDER_A);
        Order cancelled = function.order(ORDER_B);
        function.clearLog();

        SQSBatchResponse again = function.sqsHandler().handleRequest(sqsFixture("standard-batch.json"),
                TestContext.random());

        assertThat(reported(again)).containsExactlyElementsOf(messageIds(batch, 1, 2, 3));
        assertThat(function.order(ORDER_A)).isEqualTo(paid);
        assertThat(function.order(ORDER_B)).isEqualTo(cancelled);
        assertThat(function.order(ORDER_C).version()).isEqualTo(1);
        assertThat(function.logLines()).extracting(line -> line.string("outcome"))
                .containsExactly("repeated", "rejected", "rejected", "rejected", "repeated");
    }

    @Test
    void fifo_failure_holds_back_its_group_only() {
        SQSEvent batch = sqsFixture("fifo-batch.json");

        SQSBatchResponse response = function.sqsHandler().handleRequest(batch, TestContext.random());

        assertThat(reported(response)).containsExactlyElementsOf(messageIds(batch, 0, 2, 4));
        assertThat(function.order(ORDER_A).status()).isEqualTo(OrderStatus.PLACED);
        assertThat(function.order(ORDER_A).version()).isEqualTo(1);
        assertThat(function.order(ORDER_B).status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(function.order(ORDER_B).version()).isEqualTo(3);
    }

    @Test
    void fifo_skipped_messages_are_logged_with_group() {
        function.sqsHandler().handleRequest(sqsFixture("fifo-batch.json"), TestContext.random());

        List<JsonBody> lines = function.logLines();
        assertThat(lines).extracting(line -> line.string("outcome"))
                .containsExactly("rejected", "applied", "skipped", "applied", "skipped");
        assertThat(lines.get(0).string("reason")).isEqualTo("INVALID");
        assertThat(lines.get(0).strings("errors", "field")).containsExactly("type");
        assertThat(lines.get(2).string("messageGroupId")).isEqualTo(ORDER_A.value());
        assertThat(lines.get(4).string("messageGroupId")).isEqualTo(ORDER_A.value());
    }

    @Test
    void fifo_group_resumes_after_dead_letter() {
        SQSEvent batch = sqsFixture("fifo-batch.json");
        function.sqsHandler().handleRequest(batch, TestContext.random());

        // The redrive policy moved the invalid first message to the dead-letter queue, so SQS delivers the rest.
        SQSBatchResponse response = function.sqsHandler().handleRequest(only(batch, 2, 4), TestContext.random());

        assertThat(reported(response)).isEmpty();
        assertThat(function.order(ORDER_A).status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(function.order(ORDER_A).version()).isEqualTo(3);
        assertThat(function.order(ORDER_B).version()).isEqualTo(3);
    }

    @Test
    void message_group_marks_ordered_messages() {
        SQSMessage fifoMessage = sqsFixture("fifo-batch.json").getRecords().get(0);
        SQSMessage standardMessage = sqsFixture("standard-batch.json").getRecords().get(0);
        SQSMessage fifoWithoutGroup = sqsFixture("fifo-batch.json").getRecords().get(0);
        fifoWithoutGroup.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        SQSMessage groupOnStandardQueue = sqsFixture("standard-batch.json").getRecords().get(0);
        Map<String, String> attributes = new HashMap<>(groupOnStandardQueue.getAttributes());
        attributes.put(SqsEventHandler.MESSAGE_GROUP_ID, "tenant-7");
        groupOnStandardQueue.setAttributes(attributes);

        assertThat(SqsEventHandler.messageGroup(fifoMessage)).contains(ORDER_A.value());
        assertThat(SqsEventHandler.messageGroup(standardMessage)).isEmpty();
        assertThat(SqsEventHandler.messageGroup(fifoWithoutGroup)).contains("");
        assertThat(SqsEventHandler.messageGroup(groupOnStandardQueue)).contains("tenant-7");
    }

    @Test
    void store_outage_mid_batch_loses_nothing() {
        SQSEvent batch = sqsFixture("life-cycle-batch.json");
        StoreOutage outage = new StoreOutage(function.orders());
        SqsEventHandler handler = function.sqsHandler(outage);
        // Each event reads and then updates its order, so the outage starts after the second event's read.
        outage.startAfter(3);

        SQSBatchResponse duringOutage = handler.handleRequest(batch, TestContext.random());
        Order bDuringOutage = function.order(ORDER_B);
        outage.recover();
        SQSBatchResponse redelivery = handler.handleRequest(only(batch, 1, 2, 3), TestContext.random());

        assertThat(reported(duringOutage)).containsExactlyElementsOf(messageIds(batch, 1, 2, 3));
        assertThat(bDuringOutage.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(bDuringOutage.version()).isEqualTo(1);
        assertThat(reported(redelivery)).isEmpty();
        assertThat(function.order(ORDER_A).status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(function.order(ORDER_A).version()).isEqualTo(3);
        assertThat(function.order(ORDER_B).status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(function.order(ORDER_B).version()).isEqualTo(3);
    }

    @Test
    void store_outage_is_logged_as_unavailable() {
        StoreOutage outage = new StoreOutage(function.orders());
        outage.startAfter(0);

        function.sqsHandler(outage).handleRequest(sqsFixture("life-cycle-batch.json"), TestContext.random());

        assertThat(function.logLines()).hasSize(4).allSatisfy(line -> {
            assertThat(line.string("outcome")).isEqualTo("rejected");
            assertThat(line.string("reason")).isEqualTo("UNAVAILABLE");
        });
    }

    @Test
    void unexpected_error_fails_only_its_message() {
        SQSEvent batch = sqsFixture("life-cycle-batch.json");
        ApplyOrderEventUseCase applyEvent = event -> {
            if (event.orderId().equals(ORDER_B)) {
                throw new IllegalStateException("a bug in the store adapter");
            }
            return function.applyEvent().apply(event);
        };

        SQSBatchResponse response = function.sqsHandler(applyEvent).handleRequest(batch, TestContext.random());

        assertThat(reported(response)).containsExactlyElementsOf(messageIds(batch, 1, 3));
        assertThat(function.order(ORDER_A).status()).isEqualTo(OrderStatus.SHIPPED);
        JsonBody failed = function.logLines().get(1);
        assertThat(failed.string("level")).isEqualTo("ERROR");
        assertThat(failed.string("outcome")).isEqualTo("failed");
        assertThat(failed.string("error")).contains("IllegalStateException", "a bug in the store adapter");
    }

    @Test
    void empty_or_missing_batch_reports_nothing() {
        SQSEvent empty = new SQSEvent();
        empty.setRecords(List.of());

        assertThat(reported(function.sqsHandler().handleRequest(empty, null))).isEmpty();
        assertThat(reported(function.sqsHandler().handleRequest(new SQSEvent(), null))).isEmpty();
        assertThat(reported(function.sqsHandler().handleRequest(null, null))).isEmpty();
        assertThat(function.logText()).isEmpty();
    }

    @Test
    void response_is_written_as_lambda_reads_it() {
        SQSEvent batch = sqsFixture("standard-batch.json");
        SQSBatchResponse response = function.sqsHandler().handleRequest(batch, TestContext.random());
        PojoSerializer<SQSBatchResponse> serializer = LambdaEventSerializers.serializerFor(SQSBatchResponse.class,
                getClass().getClassLoader());
        ByteArrayOutputStream json = new ByteArrayOutputStream();

        serializer.toJson(response, json);

        JsonBody written = JsonBody.parse(json.toByteArray());
        assertThat(written.fieldNames("")).containsExactly("batchItemFailures");
        assertThat(written.strings("batchItemFailures", "itemIdentifier"))
                .containsExactlyElementsOf(messageIds(batch, 1, 2, 3));
        assertThat(new String(json.toByteArray(), StandardCharsets.UTF_8)).doesNotContain("null");
    }

    static List<String> reported(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }

    static List<String> messageIds(SQSEvent batch, int... indexes) {
        return Arrays.stream(indexes).mapToObj(i -> batch.getRecords().get(i).getMessageId()).toList();
    }

    /** Returns a batch of the messages at {@code indexes}, as SQS delivers them again after they failed. */
    static SQSEvent only(SQSEvent batch, int... indexes) {
        SQSEvent redelivery = new SQSEvent();
        redelivery.setRecords(Arrays.stream(indexes).mapToObj(i -> batch.getRecords().get(i)).toList());
        return redelivery;
    }
}
