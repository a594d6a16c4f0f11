package dev.orderservice.adapter.eventbridge;

import dev.orderservice.core.domain.OrderDomainEvent;
import dev.orderservice.core.port.out.OrderEventPublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Publishes domain events to an EventBridge bus with {@code PutEvents}, one entry per event: the event's name as
 * detail type ({@code OrderPlaced}, …), the configured source, and the fields as JSON detail.
 *
 * <p>Events go in calls of at most 10 entries, EventBridge's limit. Entries that fail with a transient error
 * code, and calls that fail as a whole with throttling, a server error or a network error, are sent again with
 * exponential backoff, up to {@link #MAX_ATTEMPTS} times in all. After the first call whose events still fail,
 * the later events are not sent but reported as failed, so that a caller retrying from the first failure sends
 * fewer duplicates.
 */
public final class EventBridgeOrderEventPublisher implements OrderEventPublisher {

    /** EventBridge's limit on the entries of one {@code PutEvents} call. */
    static final int MAX_ENTRIES_PER_CALL = 10;

    /** Attempts per entry, the first included. */
    static final int MAX_ATTEMPTS = 4;

    /**
     * The per-entry error codes that the EventBridge API reference (PutEventsResultEntry) lists as retryable.
     * It lists every other code, such as {@code AccessDeniedException} or {@code MalformedDetail}, as not.
     */
    private static final Set<String> TRANSIENT_ERROR_CODES = Set.of("ThrottlingException", "InternalFailure");

    private final EventBridgeClient client;
    private final EventBridgeSettings settings;
    private final Backoff backoff;

    EventBridgeOrderEventPublisher(EventBridgeClient client, EventBridgeSettings settings, Backoff backoff) {
        this.client = client;
        this.settings = settings;
        this.backoff = backoff;
    }

    /**
     * Builds a publisher with the SDK client this adapter configures: the JDK's HTTP client, timeouts of seconds,
     * and no SDK retries, because the publisher retries failed entries itself. Creating it makes no network call.
     *
     * @param credentials the credentials to sign with, such as those of the Lambda function's role
     */
    public static EventBridgeOrderEventPublisher create(EventBridgeSettings settings,
            AwsCredentialsProvider credentials) {
        return new EventBridgeOrderEventPublisher(EventBridgeClients.create(settings, credentials), settings,
                Backoff.exponential());
    }

    @Override
    public List<Failure> publish(List<OrderDomainEvent> events) {
        for (int start = 0; start < events.size(); start += MAX_ENTRIES_PER_CALL) {
            List<OrderDomainEvent> chunk = events.subList(start, Math.min(start + MAX_ENTRIES_PER_CALL, events.size()));
            List<Failure> failures = publishChunk(chunk);
            if (!failures.isEmpty()) {
                return withUnsent(failures, events.subList(start + chunk.size(), events.size()));
            }
        }
        return List.of();
    }

    /**
     * Sends one call's worth of events, sends those that fail transiently again, and returns those that still
     * fail, in the order of the chunk.
     */
    private List<Failure> publishChunk(List<OrderDomainEvent> chunk) {
        Map<Integer, String> failed = new TreeMap<>();
        Map<Integer, String> pending = new TreeMap<>();
        for (int i = 0; i < chunk.size(); i++) {
            pending.put(i, "not sent");
        }

        int attempt = 0;
        while (!pending.isEmpty() && attempt < MAX_ATTEMPTS) {
            attempt++;
            if (attempt > 1) {
                backoff.pauseBefore(attempt);
            }
            List<Integer> sent = new ArrayList<>(pending.keySet());
            try {
                PutEventsResponse response = client.putEvents(request(chunk, sent));
                pending = sortOut(sent, response, failed);
            } catch (SdkException failure) {
                for (Integer index : sent) {
                    pending.put(index, describe(failure));
                }
                if (!isTransient(failure)) {
                    break;
                }
            }
        }

        for (Map.Entry<Integer, String> unsent : pending.entrySet()) {
            failed.put(unsent.getKey(), unsent.getValue() + " (gave up after " + attempt + " attempts)");
        }
        List<Failure> failures = new ArrayList<>(failed.size());
        failed.forEach((index, reason) -> failures.add(new Failure(chunk.get(index), reason)));
        return failures;
    }

    private PutEventsRequest request(List<OrderDomainEvent> chunk, List<Integer> indexes) {
        List<PutEventsRequestEntry> entries = new ArrayList<>(indexes.size());
        for (Integer index : indexes) {
            OrderDomainEvent event = chunk.get(index);
            entries.add(PutEventsRequestEntry.builder()
                    .eventBusName(settings.eventBusName())
                    .source(settings.source())
                    .detailType(event.type().wireName())
                    .detail(EventDetails.toJson(event))
                    .time(event.occurredAt())
                    .build());
        }
        return PutEventsRequest.builder().entries(entries).build();
    }

    /**
     * Matches the response's result entries to the entries sent, which EventBridge returns in the same order.
     * Puts the entries that failed for good into {@code failed}.
     *
     * @return the entries to send again, by index in the chunk, with their error
     */
    private static Map<Integer, String> sortOut(List<Integer> sent, PutEventsResponse response,
            Map<Integer, String> failed) {
        Map<Integer, String> again = new TreeMap<>();
        Integer failedEntryCount = response.failedEntryCount();
        if (failedEntryCount == null || failedEntryCount == 0) {
            return again;
        }
        List<PutEventsResultEntry> results = response.entries();
        for (int position = 0; position < sent.size(); position++) {
            PutEventsResultEntry result = position < results.size() ? results.get(position) : null;
            Integer index = sent.get(position);
            if (result == null) {
                again.put(index, "PutEvents returned no result for the entry");
            } else if (result.errorCode() == null) {
                // Published.
            } else if (TRANSIENT_ERROR_CODES.contains(result.errorCode())) {
                again.put(index, result.errorCode() + ": " + result.errorMessage());
            } else {
                failed.put(index, result.errorCode() + ": " + result.errorMessage());
            }
        }
        return again;
    }

    private static boolean isTransient(SdkException failure) {
        if (failure instanceof SdkServiceException) {
            SdkServiceException service = (SdkServiceException) failure;
            return service.isThrottlingException() || service.statusCode() >= 500;
        }
        // A client-side failure, such as a timeout or a refused connection, may pass on its own.
        return failure instanceof SdkClientException;
    }

    private static String describe(SdkException failure) {
        if (failure instanceof SdkServiceException) {
            SdkServiceException service = (SdkServiceException) failure;
            return "PutEvents failed with HTTP " + service.statusCode() + ": " + failure.getMessage();
        }
        return "PutEvents failed: " + failure.getMessage();
    }

    private static List<Failure> withUnsent(List<Failure> failures, List<OrderDomainEvent> unsent) {
        List<Failure> all = new ArrayList<>(failures);
        for (OrderDomainEvent event : unsent) {
            all.add(new Failure(event, "not sent, because an earlier event of the batch failed"));
        }
        return all;
    }
}
