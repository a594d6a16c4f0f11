package dev.orderservice.lambda.s3import;

import static dev.orderservice.lambda.s3import.ImportFunction.placeOrderLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderservice.core.domain.CustomerId;
import dev.orderservice.core.domain.OrderException;
import dev.orderservice.core.port.in.PlaceOrderCommand;
import dev.orderservice.core.port.in.PlaceOrderUseCase;
import dev.orderservice.http.contract.JsonBody;
import dev.orderservice.lambda.LambdaComponent;
import dev.orderservice.lambda.aws.LambdaCredentials;
import dev.orderservice.lambda.aws.StructuredLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

class StoreOutageImportTest {

    @RegisterExtension
    static final S3TestServer S3 = new S3TestServer();

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final ExecutorService placementThreads = Executors.newFixedThreadPool(ObjectImporter.PLACEMENT_THREADS);
    private LambdaComponent component;
    private FlakyPlacement placement;
    private S3ImportHandler handler;
    private S3Client s3;
    private String bucket;

    @BeforeEach
    void buildFunction() {
        Map<String, String> environment = new HashMap<>(S3.environment());
        environment.put("ORDERS_STORE", "memory");
        component = LambdaComponent.create(environment);
        placement = new FlakyPlacement(component.placeOrder());
        s3 = S3Clients.create(S3ImportSettings.fromEnvironment(environment),
                LambdaCredentials.fromEnvironment(environment));
        StructuredLog log = new StructuredLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8));
        handler = new S3ImportHandler(new ObjectImporter(s3, placement, placementThreads, log), log);
        bucket = S3.newBucket();
    }

    @AfterEach
    void stopThreads() {
        placementThreads.shutdownNow();
        s3.close();
    }

    @Test
    void store_outage_fails_invocation_and_retry_places_rest() throws IOException {
        String customer = "cust-" + UUID.randomUUID();
        byte[] notification = upload("imports/outage.jsonl", lines(customer, 30));
        placement.failAfter(10);

        assertThatThrownBy(() -> invoke(notification))
                .isInstanceOfSatisfying(OrderException.class,
                        failure -> assertThat(failure.reason()).isEqualTo(OrderException.Reason.UNAVAILABLE));
        assertThat(orderCount(customer)).isEqualTo(10);
        assertThat(s3.listObjectsV2(request -> request.bucket(bucket).prefix("results/")).keyCount()).isZero();

        placement.recover();
        invoke(notification);

        JsonBody result = JsonBody.parse(s3.getObjectAsBytes(request -> request.bucket(bucket)
                .key("results/imports/outage.jsonl.result.json")).asByteArray());
        assertThat(result.integer("linesRead")).isEqualTo(30);
        assertThat(result.integer("ordersPlaced")).isEqualTo(20);
        assertThat(result.integer("replays")).isEqualTo(10);
        assertThat(orderCount(customer)).isEqualTo(30);
    }

    @Test
    void unexpected_failure_refuses_line_and_logs_stack_trace() throws IOException {
        String customer = "cust-" + UUID.randomUUID();
        byte[] notification = upload("imports/bug.jsonl", lines(customer, 5));
        placement.throwOnCall(3, new IllegalStateException("a bug in placing"));

        invoke(notification);

        JsonBody result = JsonBody.parse(s3.getObjectAsBytes(request -> request.bucket(bucket)
                .key("results/imports/bug.jsonl.result.json")).asByteArray());
        assertThat(result.integer("ordersPlaced")).isEqualTo(4);
        assertThat(result.integer("linesRefused")).isEqualTo(1);
        assertThat(result.integer("refusedLines[0].problem.status")).isEqualTo(500);
        assertThat(result.toString()).doesNotContain("a bug in placing");
        assertThat(logBytes.toString(StandardCharsets.UTF_8)).contains("\"level\":\"ERROR\"", "a bug in placing");
    }

    private String lines(String customer, int count) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            lines.append(placeOrderLine(customer, "SKU-MUG-01", 1 + i)).append('\n');
        }
        return lines.toString();
    }

    private byte[] upload(String key, String content) {
        PutObjectResponse response = s3.putObject(request -> request.bucket(bucket).key(key),
                RequestBody.fromString(content, StandardCharsets.UTF_8));
        return ImportFunction.notification(bucket, new ImportFunction.Upload(key, response.eTag().replace("\"", ""),
                null));
    }

    private void invoke(byte[] notification) throws IOException {
        handler.handleRequest(new ByteArrayInputStream(notification), new ByteArrayOutputStream(), null);
    }

    private int orderCount(String customer) {
        return component.orderRepository().findByCustomer(new CustomerId(customer), 100, null).orders().size();
    }

    /** Places through the real use case, but fails calls as a test sets: from a count on, or one call. */
    private static final class FlakyPlacement implements PlaceOrderUseCase {

        private final PlaceOrderUseCase placeOrder;
        private final AtomicInteger calls = new AtomicInteger();
        private volatile int failFromCall = Integer.MAX_VALUE;
        private volatile int throwOnCall = -1;
        private volatile RuntimeException thrown;

        FlakyPlacement(PlaceOrderUseCase placeOrder) {
            this.placeOrder = placeOrder;
        }

        void failAfter(int successfulCalls) {
            failFromCall = successfulCalls + 1;
        }

        void throwOnCall(int call, RuntimeException failure) {
            thrown = failure;
            throwOnCall = call;
        }

        void recover() {
            failFromCall = Integer.MAX_VALUE;
        }

        @Override
        public PlacedOrder place(PlaceOrderCommand command) {
            int call = calls.incrementAndGet();
            if (call >= failFromCall) {
                throw OrderException.unavailable("the test store is down", null);
            }
            if (call == throwOnCall) {
                throw thrown;
            }
            return placeOrder.place(command);
        }
    }
}
