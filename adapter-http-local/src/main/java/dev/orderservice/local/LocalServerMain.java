package dev.orderservice.local;

import dev.orderservice.core.domain.OrderException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the local server: {@code java -jar adapter-http-local/target/orders-local.jar [--port 8080] ...}.
 *
 * <p>Exit statuses: 0 after {@code --help}; 2 for invalid settings, including a host and port that cannot be
 * bound; 3 when the store cannot be reached.
 */
public final class LocalServerMain {

    static final int EXIT_INVALID_SETTINGS = 2;
    static final int EXIT_STORE_UNAVAILABLE = 3;

    private static final Logger LOG = LoggerFactory.getLogger(LocalServerMain.class);

    private LocalServerMain() {
    }

    public static void main(String[] args) {
        int status = run(System.getenv(), args, System.out);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Prints the help or starts the server, whose threads keep running after this returns.
     *
     * @return 0 when the help was printed or the server started, otherwise the exit status
     */
    static int run(Map<String, String> environment, String[] args, PrintStream out) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.print(LocalServerSettings.usage());
            return 0;
        }

        LocalServer server;
        try {
            LocalServerSettings settings = LocalServerSettings.from(environment, args);
            server = component(settings).server().start();
        } catch (IllegalArgumentException | LocalServer.CannotListenException invalidSettings) {
            LOG.error("Cannot start: {}", invalidSettings.getMessage());
            return EXIT_INVALID_SETTINGS;
        } catch (OrderException storeUnavailable) {
            LOG.error("Cannot start: {}", storeUnavailable.getMessage());
            return EXIT_STORE_UNAVAILABLE;
        }
        // SIGTERM and Ctrl-C run shutdown hooks, so in-flight requests finish before Jetty stops.
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "shutdown"));
        return 0;
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
