package dev.orderservice.lambda;

import static dev.orderservice.lambda.EventFunction.ORDER_A;
import static dev.orderservice.lambda.EventFunction.ORDER_B;
import static dev.orderservice.lambda.EventFunction.ORDER_C;
import static dev.orderservice.lambda.EventFunction.kinesisFixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent.KinesisEventRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.OrderEvent;
import dev.orderservice.core.domain.OrderEventType;
import dev.orderservice.core.domain.OrderStatus;
import dev.orderservice.http.contract.JsonBody;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link KinesisEventHandler} on the in-memory store, with Kinesis batches as Lambda delivers them. The fixture's
 * third record ships order C before it is paid, so it fails while C is still placed.
 */
class KinesisEventHandlerTest {

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
    void bad_record_stops_the_batch() {
        KinesisEvent batch = kinesisFixture("batch.json");

        StreamsEventResponse response = function.kinesisHandler().handleRequest(batch, TestContext.random());

        assertThat(reported(response)).containsExactly(sequenceNumber(batch, 2));
        assertThat(function.order(ORDER_A).status()).isEqualTo(OrderStatus.PAID);
        assertThat(function.order(ORDER_A).version()).isEqualTo(2);
        assertThat(function.order(ORDER_B).status()).isEqualTo(OrderStatus.PAID);
        assertThat(function.order(ORDER_B).version()).isEqualTo(2);
        assertThat(function.order(ORDER_C).status()).isEqualTo(OrderStatus.PLACED);
        assertThat(function.order(ORDER_C).version()).isEqualTo(1);
    }

    @Test
    void records_after_failure_are_not_logged() {
        KinesisEvent batch = kinesisFixture("batch.json");

        function.kinesisHandler().handleRequest(batch, TestContext.random());

        List<JsonBody> lines = function.logLines();
        assertThat(lines).extracting(line -> line.string("sequenceNumber"))
                .containsExactly(sequenceNumber(batch, 0), sequenceNumber(batch, 1), sequenceNumber(batch, 2));
        assertThat(lines).extracting(line -> line.string("outcome")).containsExactly("applied", "applied", "rejected");
        assertThat(lines.get(2).string("reason")).isEqualTo("CONFLICT");
        assertThat(lines).allSatisfy(line -> assertThat(line.string("source")).isEqualTo("kinesis"));
    }

    @Test
    void retry_from_failure_applies_the_rest() {
        KinesisEvent batch = kinesisFixture("batch.json");
        StreamsEventResponse first = function.kinesisHandler().handleRequest(batch, TestContext.random());
        // The payment of order C arrives by another way, so its shipment may now apply.
        function.applyEvent().apply(new OrderEvent("evt-c-captured", OrderEventType.PAYMENT_CAPTURED, ORDER_C,
                Instant.parse("2026-12-04T19:04:00Z")));

        StreamsEventResponse retry = function.kinesisHandler().handleRequest(from(batch, reported(first).get(0)),
                TestContext.random());

        assertThat(reported(retry)).isEmpty();
        assertThat(function.order(ORDER_A).status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(function.order(ORDER_B).status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(function.order(ORDER_C).status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(function.order(ORDER_C).version()).isEqualTo(3);
    }

    @Test
    void batch_delivered_twice_applies_nothing_twice() {
        function.kinesisHandler().handleRequest(kinesisFixture("batch.json"), TestContext.random());
        Order paidA = function.order(ORDER_A);
        Order paidB = function.order(ORDER_B);
        function.clearLog();

        StreamsEventResponse again = function.kinesisHandler().handleRequest(kinesisFixture("batch.json"),
                TestContext.random());

        assertThat(reported(again)).containsExactly(sequenceNumber(kinesisFixture("batch.json"), 2));
        assertThat(function.order(ORDER_A)).isEqualTo(paidA);
        assertThat(function.order(ORDER_B)).isEqualTo(paidB);
        assertThat(function.logLines()).extracting(line -> line.string("outcome"))
                .containsExactly("repeated", "repeated", "rejected");
    }

    @Test
    void data_that_is_not_json_stops_the_batch() {
        KinesisEvent batch = kinesisFixture("batch.json");
        batch.getRecords().get(1).getKinesis()
                .setData(ByteBuffer.wrap("not an event".getBytes(StandardCharsets.UTF_8)));

        StreamsEventResponse response = function.kinesisHandler().handleRequest(batch, TestContext.random());

        assertThat(reported(response)).containsExactly(sequenceNumber(batch, 1));
        assertThat(function.order(ORDER_A).status()).isEqualTo(OrderStatus.PAID);
        assertThat(function.order(ORDER_B).status()).isEqualTo(OrderStatus.PLACED);
        assertThat(function.logLines().get(1).string("reason")).isEqualTo("INVALID");
        assertThat(function.logText()).doesNotContain("not an event");
    }

    @Test
    void store_outage_stops_at_first_record() {
        KinesisEvent batch = without(kinesisFixture("batch.json"), 2);
        StoreOutage outage = new StoreOutage(function.orders());
        KinesisEventHandler handler = function.kinesisHandler(outage);
        // Each event reads and then updates its order, so the outage starts after the second event's read.
        outage.startAfter(3);

        StreamsEventResponse duringOutage = handler.handleRequest(batch, TestContext.random());
        Order bDuringOutage = function.order(ORDER_B);
        outage.recover();
        StreamsEventResponse retry = handler.handleRequest(from(batch, reported(duringOutage).get(0)),
                TestContext.random());

        assertThat(reported(duringOutage)).containsExactly(sequenceNumber(batch, 1));
        assertThat(bDuringOutage.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(bDuringOutage.version()).isEqualTo(1);
        assertThat(reported(retry)).isEmpty();
        assertThat(function.order(ORDER_A).status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(function.order(ORDER_A).version()).isEqualTo(3);
        assertThat(function.order(ORDER_B).status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(function.order(ORDER_B).version()).isEqualTo(3);
    }

    @Test
    void empty_or_missing_batch_reports_nothing() {
        KinesisEvent empty = new KinesisEvent();
        empty.setRecords(List.of());

        assertThat(reported(function.kinesisHandler().handleRequest(empty, null))).isEmpty();
        assertThat(reported(function.kinesisHandler().handleRequest(new KinesisEvent(), null))).isEmpty();
        assertThat(reported(function.kinesisHandler().handleRequest(null, null))).isEmpty();
        assertThat(function.logText()).isEmpty();
    }

    @Test
    void response_is_written_as_lambda_reads_it() {
        KinesisEvent batch = kinesisFixture("batch.json");
        StreamsEventResponse response = function.kinesisHandler().handleRequest(batch, TestContext.random());
        PojoSerializer<StreamsEventResponse> serializer = LambdaEventSerializers.serializerFor(
                StreamsEventResponse.class, getClass().getClassLoader());
        ByteArrayOutputStream json = new ByteArrayOutputStream();

        serializer.toJson(response, json);

        JsonBody written = JsonBody.parse(json.toByteArray());
        assertThat(written.fieldNames("")).containsExactly("batchItemFailures");
        assertThat(written.strings("batchItemFailures", "itemIdentifier")).containsExactly(sequenceNumber(batch, 2));
    }

    static List<String> reported(StreamsEventResponse response) {
        return response.getBatchItemFailures().stream()
                .map(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }

    static String sequenceNumber(KinesisEvent batch, int index) {
        return batch.getRecords().get(index).getKinesis().getSequenceNumber();
    }

    /** Returns the records from the one with {@code sequenceNumber} on, as Lambda retries a shard from there. */
    static KinesisEvent from(KinesisEvent batch, String sequenceNumber) {
        List<KinesisEventRecord> records = batch.getRecords();
        int start = 0;
        while (!records.get(start).getKinesis().getSequenceNumber().equals(sequenceNumber)) {
            start++;
        }
        KinesisEvent retry = new KinesisEvent();
        retry.setRecords(records.subList(start, records.size()));
        return retry;
    }

    /** Returns the batch without the record at {@code index}, as a stream that never carried it. */
    static KinesisEvent without(KinesisEvent batch, int index) {
        List<KinesisEventRecord> records = new ArrayList<>(batch.getRecords());
        records.remove(index);
        KinesisEvent rest = new KinesisEvent();
        rest.setRecords(records);
        return rest;
    }
}
