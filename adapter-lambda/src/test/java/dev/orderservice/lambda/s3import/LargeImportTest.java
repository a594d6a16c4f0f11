package dev.orderservice.lambda.s3import;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderservice.adapter.dynamodb.DynamoDbTestServer;
import dev.orderservice.http.contract.JsonBody;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * Imports an object of 10,000 lines in a child JVM whose heap is limited to {@value #MAX_HEAP}, and reports the
 * peak heap and the orders per second. Each line is padded with JSON whitespace to {@value #LINE_BYTES} bytes,
 * so the object is larger than the whole heap: the import can only finish if it streams.
 */
class LargeImportTest {

    static final int LINES = 10_000;
    static final int LINE_BYTES = 8 * 1024;
    static final String MAX_HEAP = "64m";
    private static final long CHILD_TIMEOUT_SECONDS = 120;

    @RegisterExtension
    static final S3TestServer S3 = new S3TestServer();

    @RegisterExtension
    static final DynamoDbTestServer DYNAMODB = new DynamoDbTestServer();

    @Test
    void ten_thousand_lines_import_in_bounded_heap_on_memory() throws Exception {
        JsonBody figures = importInChildJvm(Map.of("ORDERS_STORE", "memory"));

        assertThat(figures.integer("linesRead")).isEqualTo(LINES);
        assertThat(figures.integer("ordersPlaced")).isEqualTo(LINES);
    }

    @Test
    void ten_thousand_lines_import_in_bounded_heap_on_dynamodb() throws Exception {
        JsonBody figures = importInChildJvm(S3ImportDynamoDbTest.dynamoDbEnvironment(DYNAMODB));

        assertThat(figures.integer("linesRead")).isEqualTo(LINES);
        assertThat(figures.integer("ordersPlaced")).isEqualTo(LINES);
    }

    private JsonBody importInChildJvm(Map<String, String> storeEnvironment) throws Exception {
        String bucket = S3.newBucket();
        String key = "imports/large.jsonl";
        long objectBytes = (long) LINES * LINE_BYTES;
        PutObjectResponse upload = S3.client().putObject(request -> request.bucket(bucket).key(key),
                RequestBody.fromContentProvider(LargeImportTest::paddedLines, objectBytes, "application/x-ndjson"));

        Map<String, String> environment = new HashMap<>(storeEnvironment);
        environment.putAll(S3.environment());
        environment.put("IMPORT_BUCKET", bucket);
        environment.put("IMPORT_KEY", key);
        environment.put("IMPORT_ETAG", upload.eTag().replace("\"", ""));
        JsonBody figures = runChild(environment);

        System.out.printf(Locale.ROOT, "10,000-line import on %s, -Xmx%s, object %.1f MB: %.1f s, %.0f orders/s,"
                + " peak heap %.1f MB, peak heap after a collection %.1f MB%n", storeEnvironment.get("ORDERS_STORE"),
                MAX_HEAP, objectBytes / 1e6, Double.parseDouble(figures.value("seconds").toString()),
                LINES / Double.parseDouble(figures.value("seconds").toString()),
                figures.integer("peakHeapBytes") / 1e6, figures.integer("peakHeapAfterCollectionBytes") / 1e6);
        assertThat(objectBytes).isGreaterThan(figures.integer("maxHeapBytes"));
        return figures;
    }

    private static JsonBody runChild(Map<String, String> environment) throws IOException, InterruptedException {
        Path output = Files.createTempFile("large-import-", ".out");
        Path errors = Files.createTempFile("large-import-", ".err");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + MAX_HEAP, "-Daws.disableEc2Metadata=true",
                "-cp", System.getProperty("java.class.path"), LargeImportRun.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(output.toFile())
                .redirectError(errors.toFile());
        builder.environment().putAll(environment);
        Process child = builder.start();
        try {
            boolean finished = child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(finished).as("the import finished within " + CHILD_TIMEOUT_SECONDS + " s").isTrue();
            assertThat(child.exitValue()).as("exit value; standard error:\n" + tail(errors)).isZero();
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            return JsonBody.parse(lines.get(lines.size() - 1).getBytes(StandardCharsets.UTF_8));
        } finally {
            child.destroyForcibly();
            Files.deleteIfExists(output);
            Files.deleteIfExists(errors);
        }
    }

    /** Returns the object's content, generated as it is read, so that the test's own heap stays small too. */
    private static InputStream paddedLines() {
        Enumeration<InputStream> lines = new Enumeration<>() {
            private int next = 1;

            @Override
            public boolean hasMoreElements() {
                return next <= LINES;
            }

            @Override
            public InputStream nextElement() {
                return new ByteArrayInputStream(paddedLine(next++));
            }
        };
        return new SequenceInputStream(lines);
    }

    /** Returns one place-order line of exactly {@link #LINE_BYTES} bytes, newline included. */
    private static byte[] paddedLine(int number) {
        String head = "{\"customerId\":\"bulk-" + (number % 100) + "\",";
        String tail = "\"items\":[{\"sku\":\"SKU-MUG-01\",\"quantity\":" + (1 + number % 9) + "}]}\n";
        return (head + " ".repeat(LINE_BYTES - head.length() - tail.length()) + tail)
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static String tail(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    }
}
