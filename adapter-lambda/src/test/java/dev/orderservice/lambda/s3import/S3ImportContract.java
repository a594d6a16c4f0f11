package dev.orderservice.lambda.s3import;

import static dev.orderservice.lambda.s3import.ImportFunction.placeOrderLine;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderservice.http.contract.JsonBody;
import dev.orderservice.lambda.s3import.ImportFunction.Upload;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The S3 import's behaviour on a real S3-API server, as tests that run on every store: a subclass chooses which
 * store the function uses.
 */
abstract class S3ImportContract {

    @RegisterExtension
    static final S3TestServer S3 = new S3TestServer();

    /** Returns the variables that choose a store with the demo catalog, fresh for each call. */
    protected abstract Map<String, String> storeEnvironment();

    @Test
    void good_lines_are_placed_and_bad_lines_reported() throws IOException {
        ImportFunction function = new ImportFunction(S3, storeEnvironment());
        String customer = uniqueCustomer();
        String content = String.join("\n",
                placeOrderLine(customer, "SKU-MUG-01", 1),
                "{\"customerId\":\"" + customer + "\",\"items\":[",
                "   ",
                placeOrderLine(customer, "SKU-NOT-IN-CATALOG", 1),
                placeOrderLine(customer, "SKU-TSHIRT-M", 2),
                "{\"customerId\":\"" + customer + "\",\"note\":\"" + "x".repeat(70_000) + "\"}",
                placeOrderLine(customer, "SKU-POSTER-A2", 0),
                "");
        Upload upload = function.upload("imports/mixed.jsonl", content);

        function.deliver(upload);

        JsonBody result = function.result(upload.key());
        assertThat(result.string("bucket")).isEqualTo(function.bucket());
        assertThat(result.string("key")).isEqualTo("imports/mixed.jsonl");
        assertThat(result.string("eTag")).isEqualTo(upload.eTag());
        assertThat(result.integer("linesRead")).isEqualTo(6);
        assertThat(result.integer("ordersPlaced")).isEqualTo(2);
        assertThat(result.integer("replays")).isZero();
        assertThat(result.integer("linesRefused")).isEqualTo(4);
        assertThat(result.list("refusedLines")).extracting(line -> line.integer("line")).containsExactly(2L, 4L, 6L, 7L);
        assertThat(result.list("refusedLines")).extracting(line -> line.string("problem.type")).containsExactly(
                "/problems/malformed-json", "/problems/request-rejected", "/problems/payload-too-large",
                "/problems/validation-failed");
        assertThat(result.list("refusedLines")).extracting(line -> line.integer("problem.status"))
                .containsExactly(400L, 422L, 413L, 400L);
        assertThat(result.string("refusedLines[3].problem.errors[0].field")).isEqualTo("items[0].quantity");
        assertThat(function.orderCount(customer)).isEqualTo(2);
    }

    @Test
    void repeated_notification_places_nothing_twice() throws IOException {
        ImportFunction function = new ImportFunction(S3, storeEnvironment());
        String customer = uniqueCustomer();
        Upload upload = function.upload("imports/twice.jsonl", placeOrderLine(customer, "SKU-MUG-01", 1) + "\n"
                + placeOrderLine(customer, "SKU-MUG-01", 1) + "\n" + placeOrderLine(customer, "SKU-NOPE", 1) + "\n");

        function.deliver(upload);
        JsonBody second = function.deliver(upload);

        JsonBody result = function.result(upload.key());
        assertThat(result.integer("ordersPlaced")).isZero();
        assertThat(result.integer("replays")).isEqualTo(2);
        assertThat(result.integer("linesRefused")).isEqualTo(1);
        assertThat(second.integer("imports[0].replays")).isEqualTo(2);
        assertThat(function.orderCount(customer)).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "imports/spring sale 2026.jsonl",
        "imports/a+b=c.jsonl",
        "imports/100% cotton.jsonl",
        "imports/%2B already encoded.jsonl",
        "imports/Köln 東京 ñandú.jsonl"})
    void key_is_decoded_once_as_s3_encodes_it(String key) throws IOException {
        ImportFunction function = new ImportFunction(S3, storeEnvironment());
        String customer = uniqueCustomer();
        Upload upload = function.upload(key, placeOrderLine(customer, "SKU-MUG-01", 3) + "\n");

        JsonBody output = function.deliver(upload);

        assertThat(output.string("imports[0].key")).isEqualTo(key);
        assertThat(output.string("imports[0].resultKey")).isEqualTo("results/" + key + ".result.json");
        assertThat(function.result(key).string("key")).isEqualTo(key);
        assertThat(function.result(key).integer("ordersPlaced")).isEqualTo(1);
        assertThat(function.orderCount(customer)).isEqualTo(1);
    }

    @Test
    void result_object_is_never_imported() throws IOException {
        ImportFunction function = new ImportFunction(S3, storeEnvironment());
        String customer = uniqueCustomer();
        Upload result = function.upload("results/imports/a.jsonl.result.json", placeOrderLine(customer,
                "SKU-MUG-01", 1));

        JsonBody output = function.deliver(result);

        assertThat(output.list("imports")).isEmpty();
        assertThat(function.orderCount(customer)).isZero();
        assertThat(function.logLines()).anySatisfy(line -> assertThat(line).contains("\"level\":\"WARN\"",
                "skipped a result object"));
    }

    @Test
    void object_deleted_before_import_is_skipped() throws IOException {
        ImportFunction function = new ImportFunction(S3, storeEnvironment());
        Upload upload = function.upload("imports/gone.jsonl", placeOrderLine(uniqueCustomer(), "SKU-MUG-01", 1));
        function.client().deleteObject(request -> request.bucket(function.bucket()).key(upload.key()));

        JsonBody output = function.deliver(upload);

        assertThat(output.list("imports")).isEmpty();
        assertThat(function.hasResult(upload.key())).isFalse();
        assertThat(function.logLines()).anySatisfy(line -> assertThat(line).contains("deleted or replaced"));
    }

    @Test
    void import_logs_counts_without_content() throws IOException {
        ImportFunction function = new ImportFunction(S3, storeEnvironment());
        String customer = uniqueCustomer();
        Upload upload = function.upload("imports/logged.jsonl", placeOrderLine(customer, "SKU-MUG-01", 1));

        function.deliver(upload);

        assertThat(function.logLines()).singleElement().satisfies(line -> {
            JsonBody logged = JsonBody.parse(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(logged.string("level")).isEqualTo("INFO");
            assertThat(logged.string("key")).isEqualTo("imports/logged.jsonl");
            assertThat(logged.integer("ordersPlaced")).isEqualTo(1);
            assertThat(line).doesNotContain(customer);
        });
    }

    private static String uniqueCustomer() {
        return "cust-" + UUID.randomUUID();
    }
}
