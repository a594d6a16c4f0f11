package dev.orderservice.local;

import dev.orderservice.core.domain.OrderException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the local server: {@code java -jar adapter-http-local/target/orders-local.jar [--port 8080] ...}. */
public final class LocalServerMain {

    private static final Logger LOG = LoggerFactory.getLogger(LocalServerMain.class);

    private LocalServerMain() {
    }

    public static void main(String[] args) {
        LocalServer server;
        try {
            LocalServerSettings settings = LocalServerSettings.from(System.getenv(), args);
            server = component(settings).server().start();
        } catch (IllegalArgumentException invalidSettings) {
            LOG.error("Cannot start: {}", invalidSettings.getMessage());
            System.exit(2);
            return;
        } catch (OrderException storeUnavailable) {
            LOG.error("Cannot start: {}", storeUnavailable.getMessage());
            System.exit(3);
            return;
        }
        // SIGTERM and Ctrl-C run shutdown hooks, so in-flight requests finish before Jetty stops.
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "shutdown"));
    }

    static LocalServerComponent component(LocalServerSettings settings) {
        switch (settings.store()) {
            case DYNAMODB:
                return DynamoDbLocalServerComponent.create(settings);
            default:
                return InMemoryLocalServerComponent.create(settings);
        }
    }
}
