package dev.orderservice.lambda.s3import;

import dev.orderservice.core.domain.CustomerId;
import dev.orderservice.core.port.out.OrderRepository;
import dev.orderservice.http.contract.JsonBody;
import dev.orderservice.lambda.LambdaComponent;
import dev.orderservice.lambda.aws.StructuredLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * The import function as Lambda would run it, on a store that the test chooses, with a bucket of its own on the
 * S3 test server and its log lines kept for the test to read.
 */
final class ImportFunction {

    private final S3TestServer s3;
    private final String bucket;
    private final LambdaComponent component;
    private final S3ImportHandler handler;
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();

    /** @param storeEnvironment the variables that choose the store, such as {@code ORDERS_STORE=memory} */
    ImportFunction(S3TestServer s3, Map<String, String> storeEnvironment) {
        this.s3 = s3;
        this.bucket = s3.newBucket();
        Map<String, String> environment = new HashMap<>(storeEnvironment);
        environment.putAll(s3.environment());
        this.component = LambdaComponent.create(environment);
        StructuredLog log = new StructuredLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8));
        this.handler = S3ImportHandler.forComponent(component, environment, log);
    }

    /** An uploaded object, named as a notification names it. */
    record Upload(String key, String eTag, String versionId) {
    }

    String bucket() {
        return bucket;
    }

    S3Client client() {
        return s3.client();
    }

    OrderRepository orders() {
        return component.orderRepository();
    }

    S3ImportHandler handler() {
        return handler;
    }

    Upload upload(String key, String content) {
        return upload(key, RequestBody.fromString(content, StandardCharsets.UTF_8));
    }

    Upload upload(String key, RequestBody content) {
        PutObjectResponse response = s3.client().putObject(request -> request.bucket(bucket).key(key), content);
        // S3 quotes the entity tag in HTTP headers but not in notifications.
        return new Upload(key, response.eTag().replace("\"", ""), response.versionId());
    }

    /** Delivers an {@code ObjectCreated:Put} notification of the upload and returns the handler's output. */
    JsonBody deliver(Upload upload) throws IOException {
        return invoke(notification(bucket, upload));
    }

    JsonBody invoke(byte[] notification) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(notification), output, null);
        return JsonBody.parse(output.toByteArray());
    }

    /** Reads the result object of an import of {@code key}. */
    JsonBody result(String key) {
        return JsonBody.parse(s3.client().getObjectAsBytes(request -> request.bucket(bucket)
                .key(ImportKeys.resultKey(key))).asByteArray());
    }

    boolean hasResult(String key) {
        return s3.client().listObjectsV2(request -> request.bucket(bucket).prefix(ImportKeys.resultKey(key)))
                .keyCount() > 0;
    }

    /** Returns how many orders the store has for a customer, up to 100. */
    int orderCount(String customerId) {
        return orders().findByCustomer(new CustomerId(customerId), 100, null).orders().size();
    }

    List<String> logLines() {
        String text = logBytes.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    /**
     * Returns an S3 notification of one new object, in the shape S3 sends: the key form-encoded, with {@code +}
     * for a space and {@code %XX} for other bytes of UTF-8 except the slash.
     */
    static byte[] notification(String bucket, Upload upload) {
        String encodedKey = URLEncoder.encode(upload.key(), StandardCharsets.UTF_8).replace("%2F", "/");
        String versionId = upload.versionId() == null ? "" : ",\"versionId\":\"" + upload.versionId() + "\"";
        String json = "{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"awsRegion\":\"us-east-1\","
                + "\"eventTime\":\"2026-12-04T19:00:00.000Z\",\"eventName\":\"ObjectCreated:Put\","
                + "\"userIdentity\":{\"principalId\":\"AWS:AIDAEXAMPLE\"},"
                + "\"s3\":{\"s3SchemaVersion\":\"1.0\",\"configurationId\":\"ImportOrders\","
                + "\"bucket\":{\"name\":\"" + bucket + "\",\"arn\":\"arn:aws:s3:::" + bucket + "\"},"
                + "\"object\":{\"key\":\"" + encodedKey + "\",\"size\":1,\"eTag\":\"" + upload.eTag() + "\""
                + versionId + ",\"sequencer\":\"0055AED6DCD90281E5\"}}}]}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    static String placeOrderLine(String customerId, String sku, int quantity) {
        return "{\"customerId\":\"" + customerId + "\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity
                + "}]}";
    }
}
