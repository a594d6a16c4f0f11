package dev.orderservice.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent.KinesisEventRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.orderservice.core.port.in.ApplyOrderEventUseCase;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The Lambda handler of a Kinesis data stream of order events:
 * {@code dev.orderservice.lambda.KinesisEventHandler::handleRequest}. Each record's data is one event JSON in
 * UTF-8.
 *
 * <p>The event source mapping must turn on {@code ReportBatchItemFailures}. The handler applies the records in
 * order and stops at the first one that fails. It reports that record's sequence number, so Lambda retries the
 * shard from that record. The records before it are done, and none after it has been applied out of order.
 *
 * <p>Like {@link SqsEventHandler}, it lets the runtime map the batch JSON to {@link KinesisEvent} by reflection,
 * which adds to the cold start of a consumer that no client waits on.
 */
public final class KinesisEventHandler implements RequestHandler<KinesisEvent, StreamsEventResponse> {

    private final EventIntake intake;
    /** Referenced here so that it outlives its registration, which org.crac holds only weakly. */
    private final EventPriming priming;

    /**
     * Builds the handler as the Lambda runtime does, on the execution environment's component, which environment
     * variables configure, with priming registered for a SnapStart snapshot.
     */
    public KinesisEventHandler() {
        this(ExecutionEnvironment.component().applyEvent(), EventLog.toStandardOutput());
        priming.register();
    }

    KinesisEventHandler(ApplyOrderEventUseCase applyEvent, EventLog log) {
        this.intake = new EventIntake(applyEvent, log);
        this.priming = new EventPriming(applyEvent, log);
    }

    @Override
    public StreamsEventResponse handleRequest(KinesisEvent batch, Context context) {
        String requestId = context == null ? null : context.getAwsRequestId();

        for (KinesisEventRecord record : records(batch)) {
            // Lambda always sends a sequence number. Without one, the failure names no record, which Lambda
            // treats as a failure of the whole batch.
            String sequenceNumber = record.getKinesis() == null ? null : record.getKinesis().getSequenceNumber();
            IncomingRecord incoming = new IncomingRecord(requestId, IncomingRecord.Source.KINESIS, sequenceNumber);
            if (!intake.accept(incoming, data(record))) {
                return new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(sequenceNumber)));
            }
        }
        return new StreamsEventResponse(List.of());
    }

    private static List<KinesisEventRecord> records(KinesisEvent batch) {
        return batch == null || batch.getRecords() == null ? List.of() : batch.getRecords();
    }

    /**
     * Returns the record's data. Events must be put one per record, because the handler does not take apart the
     * records that the Kinesis Producer Library aggregates.
     */
    private static byte[] data(KinesisEventRecord record) {
        ByteBuffer data = record.getKinesis() == null ? null : record.getKinesis().getData();
        if (data == null) {
            return new byte[0];
        }
        byte[] bytes = new byte[data.remaining()];
        data.duplicate().get(bytes);
        return bytes;
    }
}
