package dev.orderservice.adapter.dynamodb;

import dev.orderservice.core.port.out.CursorSigner;
import dev.orderservice.core.port.out.OrderRepository;
import dev.orderservice.core.port.out.ProductCatalog;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
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
     * Builds a store for a Lambda function: like {@link #create}, but the client signs with the credentials that
     * {@code credentials} provides, so a cold start neither builds nor walks the SDK's default provider chain.
     * A loopback endpoint, such as a local DynamoDB-API server, gets fixed local credentials instead.
     *
     * @param credentials called once, when the endpoint is not on this machine
     */
    public static DynamoDbStore createForLambda(DynamoDbSettings settings,
            Supplier<AwsCredentialsProvider> credentials) {
        return new DynamoDbStore(DynamoDbClients.create(settings, credentials, override -> { }), settings,
                CATALOG_CACHE_TTL, Clock.systemUTC());
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
