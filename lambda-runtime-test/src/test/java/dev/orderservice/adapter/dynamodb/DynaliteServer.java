package dev.orderservice.adapter.dynamodb;

import dev.orderservice.adapter.inmemory.DemoCatalog;
import java.net.URI;
import java.util.UUID;

/**
 * A DynamoDB-API server for a program outside JUnit, such as the cold-start benchmark: dynalite started as
 * {@link DynamoDbTestServer} starts it, or the server that {@code DYNAMODB_ENDPOINT} names. It lives in this
 * package because {@link DynaliteProcess} is package-private in adapter-dynamodb's test-jar.
 */
public final class DynaliteServer implements AutoCloseable {

    private final DynaliteProcess process;
    private final URI endpoint;

    private DynaliteServer(DynaliteProcess process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Starts dynalite on a free port of 127.0.0.1, unless {@code DYNAMODB_ENDPOINT} names a server. */
    public static DynaliteServer start() {
        // Nothing here may reach the instance metadata address, even through a credentials chain.
        System.setProperty("aws.disableEc2Metadata", "true");
        String configured = System.getenv("DYNAMODB_ENDPOINT");
        if (configured != null && !configured.isBlank()) {
            return new DynaliteServer(null, URI.create(configured.strip()));
        }
        DynaliteProcess process = DynaliteProcess.start();
        return new DynaliteServer(process, process.endpoint());
    }

    public URI endpoint() {
        return endpoint;
    }

    /**
     * Creates an orders and a products table with names of their own, loads the demo catalog into the
     * products table, and returns settings that name them.
     */
    public DynamoDbSettings newTablesWithDemoCatalog(String cursorSecret) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        DynamoDbSettings settings = new DynamoDbSettings("orders-" + suffix, "products-" + suffix, endpoint,
                DynamoDbSettings.LOCAL_DEFAULT_REGION, cursorSecret);
        try (DynamoDbStore store = DynamoDbStore.create(settings)) {
            store.tables().createIfMissing();
            store.tables().loadProductsIfEmpty(DemoCatalog.products());
        }
        return settings;
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }
}
