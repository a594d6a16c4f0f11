package dev.orderservice.adapter.dynamodb;

import dev.orderservice.core.port.out.CursorSigner;
import dev.orderservice.core.port.out.OrderRepository;
import dev.orderservice.core.port.out.ProductCatalog;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The order service's storage on DynamoDB: one client, and the order repository, product catalog and table
 * set-up over it. Build it once per process, such as in a Lambda function's initialisation, and close it at
 * shutdown.
 *
 * <p>Creating a store makes no network call, so it adds no latency to a cold start beyond loading classes.
 */
public final class DynamoDbStore implements AutoCloseable {

    /** How long the catalog cache keeps a product, so a warm Lambda reads the catalog about once a minute. */
    public static final Duration CATALOG_CACHE_TTL = Duration.ofSeconds(60);

    private final DynamoDbClient client;
    private final DynamoDbOrderRepository orders;
    private final DynamoDbProductCatalog catalog;
    private final DynamoDbTables tables;

    DynamoDbStore(DynamoDbClient client, DynamoDbSettings settings, Duration catalogCacheTtl, Clock clock) {
        this.client = client;
        this.orders = new DynamoDbOrderRepository(client, settings.ordersTable(),
                new OrderCursors(cursorSigner(settings)));
        this.catalog = new DynamoDbProductCatalog(client, settings.productsTable(),
                new CatalogCache(catalogCacheTtl, clock));
        this.tables = new DynamoDbTables(client, settings.ordersTable(), settings.productsTable());
    }

    /**
     * Builds a store with the SDK client this adapter configures: the JDK's HTTP client, connect and call
     * timeouts of seconds, and the SDK's standard retries. Read {@link DynamoDbSettings#warnings()} and log them.
     */
    public static DynamoDbStore create(DynamoDbSettings settings) {
        return new DynamoDbStore(DynamoDbClients.create(settings), settings, CATALOG_CACHE_TTL, Clock.systemUTC());
    }

    /**
     * Builds a store for a Lambda function: like {@link #create}, but the client signs with the credentials in
     * the variables that Lambda sets ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY},
     * {@code AWS_SESSION_TOKEN}), so a cold start neither builds nor walks the SDK's default provider chain.
     */
    public static DynamoDbStore createForLambda(DynamoDbSettings settings) {
        return new DynamoDbStore(DynamoDbClients.create(settings, EnvironmentVariableCredentialsProvider::create,
                override -> { }), settings, CATALOG_CACHE_TTL, Clock.systemUTC());
    }

    public OrderRepository orderRepository() {
        return orders;
    }

    public ProductCatalog productCatalog() {
        return catalog;
    }

    public DynamoDbTables tables() {
        return tables;
    }

    /** Closes the SDK client and its connections. */
    @Override
    public void close() {
        client.close();
    }

    private static CursorSigner cursorSigner(DynamoDbSettings settings) {
        if (settings.cursorSecret() == null) {
            return CursorSigner.withRandomSecret();
        }
        return new CursorSigner(settings.cursorSecret().getBytes(StandardCharsets.UTF_8));
    }
}
