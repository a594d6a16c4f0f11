package dev.orderservice.lambda.s3import;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.orderservice.core.domain.OrderException;
import dev.orderservice.lambda.LambdaComponent;
import dev.orderservice.lambda.aws.LambdaCredentials;
import dev.orderservice.lambda.aws.StructuredLog;
import dev.orderservice.lambda.s3import.S3Notifications.NotificationRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The Lambda handler for the import bucket's {@code ObjectCreated} notifications:
 * {@code dev.orderservice.lambda.s3import.S3ImportHandler::handleRequest}.
 *
 * <p>Each object is JSON Lines, one place-order body of API.md per line. The handler places every line, writes a
 * result object under {@code results/}, and writes one log line per object. When the store is unavailable, the
 * invocation fails, so Lambda retries it, and the idempotency keys make the retry place nothing twice.
 *
 * <p>It reads the notification itself with jackson-core, as the API handlers read their events, so the runtime
 * maps no objects by reflection and the event library's Joda-Time dependency stays out of the package.
 */
public final class S3ImportHandler implements RequestStreamHandler {

    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final ObjectImporter importer;
    private final StructuredLog log;

    /** Builds the handler as the Lambda runtime does, once per execution environment, from its variables. */
    public S3ImportHandler() {
        this(ExecutionEnvironment.HANDLER.importer, ExecutionEnvironment.HANDLER.log);
    }

    S3ImportHandler(ObjectImporter importer, StructuredLog log) {
        this.importer = importer;
        this.log = log;
    }

    /**
     * Builds a handler from environment variables: the store's, as {@code LambdaSettings} reads them, and
     * {@code S3_ENDPOINT}, {@code AWS_REGION} and the credentials that Lambda sets.
     *
     * @throws IllegalArgumentException naming the variable to fix when one is not valid
     */
    static S3ImportHandler forEnvironment(Map<String, String> environment, StructuredLog log) {
        return forComponent(LambdaComponent.create(environment), environment, log);
    }

    /** Builds a handler that places orders with a component the caller built, such as a test that reads its store. */
    static S3ImportHandler forComponent(LambdaComponent component, Map<String, String> environment,
            StructuredLog log) {
        S3Client s3 = S3Clients.create(S3ImportSettings.fromEnvironment(environment),
                LambdaCredentials.fromEnvironment(environment));
        return new S3ImportHandler(new ObjectImporter(s3, component.placeOrder(), placementThreads(), log), log);
    }

    /** The JVM initialises this class once, on first use and under its initialisation lock. */
    private static final class ExecutionEnvironment {
        static final S3ImportHandler HANDLER = forEnvironment(System.getenv(), StructuredLog.toStandardOutput());
    }

    /**
     * Imports every object that the notification announces, one after another, and writes their counts as
     * {@code {"imports":[{"bucket":…,"key":…,"resultKey":…,"linesRead":…,…}]}}.
     *
     * @throws OrderException {@code UNAVAILABLE} when the store failed a line, so that Lambda retries the event
     * @throws SdkException when S3 fails to read an object or to write its result
     */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String requestId = context == null ? null : context.getAwsRequestId();
        List<ImportSummary> imports = new ArrayList<>();
        for (NotificationRecord record : S3Notifications.read(input)) {
            importRecord(record, requestId).ifPresent(imports::add);
        }
        writeOutput(imports, output);
    }

    private Optional<ImportSummary> importRecord(NotificationRecord record, String requestId) throws IOException {
        if (!record.isObjectCreated()) {
            log.line("INFO", "skipped a notification record that announces no new object")
                    .field("requestId", requestId).field("eventName", record.eventName()).write();
            return Optional.empty();
        }
        ObjectCreated object;
        try {
            object = record.object();
        } catch (IllegalArgumentException unreadable) {
            // A retry would read the same record, so it is logged and skipped instead of failing the invocation.
            log.line("ERROR", "skipped a notification record that could not be read: " + unreadable.getMessage())
                    .field("requestId", requestId).field("bucket", record.bucket())
                    .field("encodedKey", record.encodedKey()).write();
            return Optional.empty();
        }
        if (ImportKeys.isResult(object.key())) {
            log.line("WARN", "skipped a result object; the notification's prefix filter should exclude "
                    + ImportKeys.RESULTS_PREFIX).field("requestId", requestId).field("bucket", object.bucket())
                    .field("key", object.key()).write();
            return Optional.empty();
        }
        return importObject(object, requestId);
    }

    private Optional<ImportSummary> importObject(ObjectCreated object, String requestId) throws IOException {
        long start = System.nanoTime();
        try {
            ImportSummary summary = importer.importObject(object);
            log.line("INFO", "imported " + summary.linesRead() + " lines")
                    .field("requestId", requestId).field("bucket", object.bucket()).field("key", object.key())
                    .field("revision", object.revision()).field("resultKey", summary.resultKey())
                    .field("linesRead", summary.linesRead()).field("ordersPlaced", summary.ordersPlaced())
                    .field("replays", summary.replays()).field("linesRefused", summary.linesRefused())
                    .field("durationMs", (System.nanoTime() - start) / 1_000_000).write();
            return Optional.of(summary);
        } catch (S3Exception gone) {
            if (gone.statusCode() != 404 && gone.statusCode() != 412) {
                throw gone;
            }
            // Deleted or replaced since the notification: a replacement has a notification of its own.
            log.line("WARN", "skipped an object that was deleted or replaced since its notification")
                    .field("requestId", requestId).field("bucket", object.bucket()).field("key", object.key())
                    .field("revision", object.revision()).field("status", gone.statusCode()).write();
            return Optional.empty();
        }
    }

    private static void writeOutput(List<ImportSummary> imports, OutputStream output) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(output)) {
            json.writeStartObject();
            json.writeArrayFieldStart("imports");
            for (ImportSummary summary : imports) {
                json.writeStartObject();
                json.writeStringField("bucket", summary.bucket());
                json.writeStringField("key", summary.key());
                json.writeStringField("resultKey", summary.resultKey());
                json.writeNumberField("linesRead", summary.linesRead());
                json.writeNumberField("ordersPlaced", summary.ordersPlaced());
                json.writeNumberField("replays", summary.replays());
                json.writeNumberField("linesRefused", summary.linesRefused());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    /** Returns the pool that places lines; its daemon threads idle between invocations and never block exit. */
    private static ExecutorService placementThreads() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(ObjectImporter.PLACEMENT_THREADS, task -> {
            Thread thread = new Thread(task, "s3-import-placement-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
