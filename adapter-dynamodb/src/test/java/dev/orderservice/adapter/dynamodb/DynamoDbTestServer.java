package dev.orderservice.adapter.dynamodb;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A JUnit 5 extension that gives a test class a DynamoDB-API server on this machine and fresh tables on it.
 *
 * <p>With {@code DYNAMODB_ENDPOINT} set, the tests use that server. Otherwise the first test class that needs a
 * server starts dynalite, pinned in tools/dynalite and installed with {@code npm ci} when it is missing, and every
 * later class in the same JVM shares it until the JVM ends. Each call of {@link #newTables()} creates tables with
 * names of their own, so test classes and tests do not see each other's data; they are deleted after the class.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final DynamoDbTestServer dynamoDb = new DynamoDbTestServer();
 *
 * DynamoDbStore store = DynamoDbStore.create(dynamoDb.newTables());
 * }</pre>
 */
public final class DynamoDbTestServer implements BeforeAllCallback, AfterAllCallback {

    /** The cursor secret in every test's settings, so that tests can sign cursors of their own. */
    public static final String CURSOR_SECRET = "dynamodb-test-cursor-secret";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            DynamoDbTestServer.class);
    private static final AtomicInteger TABLE_SETS = new AtomicInteger();

    private final List<DynamoDbTables> createdTables = new ArrayList<>();
    private URI endpoint;
    private DynamoDbClient client;

    @Override
    public void beforeAll(ExtensionContext context) {
        // Nothing in these tests may reach the instance metadata address, even through a credentials chain.
        System.setProperty("aws.disableEc2Metadata", "true");
        endpoint = configuredEndpoint();
        if (endpoint == null) {
            // The root store closes the server after the last test class of this JVM.
            endpoint = context.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent(DynaliteProcess.class, type -> DynaliteProcess.start(), DynaliteProcess.class)
                    .endpoint();
        }
        client = DynamoDbClients.create(settings("orders", "products"));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (client == null) {
            // beforeAll failed, and its error is the one to report.
            return;
        }
        synchronized (createdTables) {
            createdTables.forEach(DynamoDbTables::deleteIfPresent);
            createdTables.clear();
        }
        client.close();
    }

    /** Returns the server's URL, such as {@code http://127.0.0.1:40123}. */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * Creates an orders and a products table that no other test uses, waits until they are active, and returns
     * settings that name them, with this server as endpoint and {@link #CURSOR_SECRET} as cursor secret.
     */
    public DynamoDbSettings newTables() {
        String suffix = "t" + TABLE_SETS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        DynamoDbSettings settings = settings("orders-" + suffix, "products-" + suffix);
        DynamoDbTables tables = new DynamoDbTables(client, settings.ordersTable(), settings.productsTable());
        synchronized (createdTables) {
            createdTables.add(tables);
        }
        tables.createIfMissing();
        return settings;
    }

    private DynamoDbSettings settings(String ordersTable, String productsTable) {
        String region = System.getenv("AWS_REGION");
        return new DynamoDbSettings(ordersTable, productsTable, endpoint,
                region == null || region.isBlank() ? DynamoDbSettings.LOCAL_DEFAULT_REGION : Region.of(region),
                CURSOR_SECRET);
    }

    private static URI configuredEndpoint() {
        String configured = System.getenv("DYNAMODB_ENDPOINT");
        return configured == null || configured.isBlank() ? null : URI.create(configured.strip());
    }
}
