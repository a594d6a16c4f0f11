package dev.orderservice.lambda.s3import;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Counts the outcomes of an import's lines and builds its result object:
 *
 * <pre>{@code
 * {"bucket":"…","key":"imports/…","versionId":null,"eTag":"…",
 *  "linesRead":3,"ordersPlaced":1,"replays":1,"linesRefused":1,
 *  "refusedLines":[{"line":2,"problem":{"type":"/problems/validation-failed",…}}]}
 * }</pre>
 *
 * <p>Refused lines go to a temporary file as they come, not into memory, so an object with a million bad lines
 * needs no more heap than one with none. Outcomes must be recorded in line order, by one thread.
 */
final class ImportResult implements AutoCloseable {

    /** Leaves the stream open and unflushed, and leaves the head's open object and array for the file to finish. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
            .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
            .build();

    private final ObjectCreated object;
    private final Path refusalsFile;
    private final OutputStream refusals;
    private int linesRead;
    private int ordersPlaced;
    private int replays;
    private int linesRefused;

    private ImportResult(ObjectCreated object, Path refusalsFile) throws IOException {
        this.object = object;
        this.refusalsFile = refusalsFile;
        this.refusals = new BufferedOutputStream(Files.newOutputStream(refusalsFile));
    }

    /** Starts the result of an import, with its temporary file in {@code java.io.tmpdir}, which is /tmp on Lambda. */
    static ImportResult start(ObjectCreated object) throws IOException {
        return new ImportResult(object, Files.createTempFile("s3-import-refusals-", ".json"));
    }

    void record(LineOutcome outcome) throws IOException {
        linesRead++;
        switch (outcome.kind()) {
            case PLACED -> ordersPlaced++;
            case REPLAYED -> replays++;
            case REFUSED -> writeRefusal(outcome);
            default -> throw new IllegalArgumentException("line " + outcome.lineNumber() + " has no result: "
                    + outcome.kind());
        }
    }

    ImportSummary summary(String resultKey) {
        return new ImportSummary(object.bucket(), object.key(), resultKey, linesRead, ordersPlaced, replays,
                linesRefused);
    }

    /** Returns the whole result object as a body that S3 reads from the temporary file, with its length. */
    RequestBody toRequestBody() throws IOException {
        refusals.flush();
        byte[] head = head();
        byte[] tail = "]}".getBytes(StandardCharsets.UTF_8);
        long length = head.length + Files.size(refusalsFile) + tail.length;
        return RequestBody.fromContentProvider(() -> join(head, tail), length, "application/json");
    }

    @Override
    public void close() throws IOException {
        try {
            refusals.close();
        } finally {
            Files.deleteIfExists(refusalsFile);
        }
    }

    private void writeRefusal(LineOutcome outcome) throws IOException {
        if (linesRefused > 0) {
            refusals.write(',');
        }
        linesRefused++;
        try (JsonGenerator json = JSON.createGenerator(refusals)) {
            json.writeStartObject();
            json.writeNumberField("line", outcome.lineNumber());
            json.writeFieldName("problem");
            json.writeRawValue(new String(outcome.problem(), StandardCharsets.UTF_8));
            json.writeEndObject();
        }
    }

    /** Writes everything before the refused lines, ending with the array's opening bracket. */
    private byte[] head() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeStringField("bucket", object.bucket());
            json.writeStringField("key", object.key());
            json.writeStringField("versionId", object.versionId());
            json.writeStringField("eTag", object.eTag());
            json.writeNumberField("linesRead", linesRead);
            json.writeNumberField("ordersPlaced", ordersPlaced);
            json.writeNumberField("replays", replays);
            json.writeNumberField("linesRefused", linesRefused);
            // Left open: the refused lines from the file and the closing brackets follow.
            json.writeArrayFieldStart("refusedLines");
        }
        return bytes.toByteArray();
    }

    private InputStream join(byte[] head, byte[] tail) {
        try {
            InputStream file = Files.newInputStream(refusalsFile);
            return new SequenceInputStream(Collections.enumeration(List.of(
                    new ByteArrayInputStream(head), file, new ByteArrayInputStream(tail))));
        } catch (IOException unreadable) {
            throw new UncheckedIOException("failed to read back the refused lines in " + refusalsFile,
                    unreadable);
        }
    }
}
