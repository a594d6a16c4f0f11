package dev.orderservice.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.orderservice.core.port.in.ApplyOrderEventUseCase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Lambda handler of an SQS queue of order events, standard or FIFO:
 * {@code dev.orderservice.lambda.SqsEventHandler::handleRequest}. Each message body is one event JSON.
 *
 * <p>The event source mapping must turn on {@code ReportBatchItemFailures}, because the response lists by message
 * id exactly the messages that failed. SQS deletes the others and delivers these again, until the queue's redrive
 * policy moves them to its dead-letter queue. On a FIFO queue, once a message of a message group fails, the later
 * messages of that group in the batch fail too without being applied, so that the group's order holds. Messages
 * of other groups go on.
 *
 * <p>Unlike the API Gateway handlers, this one lets the runtime map the batch JSON to {@link SQSEvent} by
 * reflection, which adds to the cold start. No client waits on a queue consumer, so the simpler typed handler
 * is worth that.
 */
public final class SqsEventHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** The message attribute that SQS sets on every message of a FIFO queue. */
    static final String MESSAGE_GROUP_ID = "MessageGroupId";

    private final EventIntake intake;
    /** Referenced here so that it outlives its registration, which org.crac holds only weakly. */
    private final EventPriming priming;

    /**
     * Builds the handler as the Lambda runtime does, on the execution environment's component, which environment
     * variables configure, with priming registered for a SnapStart snapshot.
     */
    public SqsEventHandler() {
        this(ExecutionEnvironment.component().applyEvent(), EventLog.toStandardOutput());
        priming.register();
    }

    SqsEventHandler(ApplyOrderEventUseCase applyEvent, EventLog log) {
        this.intake = new EventIntake(applyEvent, log);
        this.priming = new EventPriming(applyEvent, log);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent batch, Context context) {
        String requestId = context == null ? null : context.getAwsRequestId();
        Set<String> failedGroups = new HashSet<>();
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();

        for (SQSMessage message : messages(batch)) {
            if (!accept(message, requestId, failedGroups)) {
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    private boolean accept(SQSMessage message, String requestId, Set<String> failedGroups) {
        IncomingRecord record = new IncomingRecord(requestId, IncomingRecord.Source.SQS, message.getMessageId());
        Optional<String> group = messageGroup(message);
        if (group.isPresent() && failedGroups.contains(group.get())) {
            intake.log().skipped(record, group.get());
            return false;
        }

        boolean applied = intake.accept(record, body(message));
        if (!applied) {
            group.ifPresent(failedGroups::add);
        }
        return applied;
    }

    /**
     * Returns the message group whose order must hold. That is the {@code MessageGroupId} attribute or, on a FIFO
     * queue whose message lacks it, one group for the whole batch. A standard queue may use message groups as well, for
     * fair sharing among tenants. Holding their order costs only a later delivery of the group's remaining
     * messages.
     */
    static Optional<String> messageGroup(SQSMessage message) {
        Map<String, String> attributes = message.getAttributes();
        String group = attributes == null ? null : attributes.get(MESSAGE_GROUP_ID);
        if (group != null) {
            return Optional.of(group);
        }
        String queueArn = message.getEventSourceArn();
        return queueArn != null && queueArn.endsWith(".fifo") ? Optional.of("") : Optional.empty();
    }

    private static List<SQSMessage> messages(SQSEvent batch) {
        return batch == null || batch.getRecords() == null ? List.of() : batch.getRecords();
    }

    private static byte[] body(SQSMessage message) {
        return message.getBody() == null ? new byte[0] : message.getBody().getBytes(StandardCharsets.UTF_8);
    }
}
