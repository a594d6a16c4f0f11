package dev.orderservice.lambda.s3import;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A JUnit 5 extension that gives a test class an S3-API server on 127.0.0.1 and fresh buckets on it.
 *
 * <p>The first test class that needs a server starts s3rver, pinned in tools/s3rver and installed with
 * {@code npm ci} when missing, and every later class in the same JVM shares it until the JVM ends.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final S3TestServer s3 = new S3TestServer();
 * }</pre>
 */
final class S3TestServer implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(S3TestServer.class);
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    private URI endpoint;
    private S3Client client;

    @Override
    public void beforeAll(ExtensionContext context) {
        // Nothing in these tests may reach the instance metadata address, even through a credentials chain.
        System.setProperty("aws.disableEc2Metadata", "true");
        // The root store closes the server after the last test class of this JVM.
        endpoint = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(S3rverProcess.class, type -> S3rverProcess.start(), S3rverProcess.class)
                .endpoint();
        client = S3Clients.create(S3ImportSettings.fromEnvironment(environment()), StaticCredentialsProvider.create(
                AwsBasicCredentials.create(S3rverProcess.ACCESS_KEY_ID, S3rverProcess.SECRET_ACCESS_KEY)));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (client != null) {
            client.close();
        }
    }

    URI endpoint() {
        return endpoint;
    }

    /** Returns a client of the server, for a test to put objects and read results. */
    S3Client client() {
        return client;
    }

    /** Returns the variables that point an import function at this server. */
    Map<String, String> environment() {
        return Map.of("S3_ENDPOINT", endpoint.toString(), "AWS_ACCESS_KEY_ID", S3rverProcess.ACCESS_KEY_ID,
                "AWS_SECRET_ACCESS_KEY", S3rverProcess.SECRET_ACCESS_KEY);
    }

    /** Creates a bucket that no other test uses and returns its name. */
    String newBucket() {
        String bucket = "orders-import-" + BUCKETS.incrementAndGet() + "-" + ProcessHandle.current().pid();
        client.createBucket(request -> request.bucket(bucket));
        return bucket;
    }
}
