package dev.orderservice.local;

import dev.orderservice.http.OrderHttpApi;
import io.javalin.Javalin;
import io.javalin.util.JavalinBindException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.channels.UnresolvedAddressException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running local server: the shared API on Javalin, on the host and port of the settings. */
@Singleton
public final class LocalServer {

    private static final Logger LOG = LoggerFactory.getLogger(LocalServer.class);

    private final Javalin app;
    private final LocalServerSettings settings;
    private final CatalogSource catalog;

    @Inject
    LocalServer(OrderHttpApi api, LocalServerSettings settings, CatalogSource catalog) {
        this.app = JavalinApp.create(api, settings.host(), settings.port());
        this.settings = settings;
        this.catalog = catalog;
    }

    /**
     * Starts listening on the host and port of the settings.
     *
     * @throws CannotListenException when the socket cannot be bound, such as for a host that does not resolve to
     *     an address of this machine or a port in use
     */
    public LocalServer start() {
        try {
            app.start();
        } catch (JavalinBindException bindFailed) {
            app.stop();
            throw new CannotListenException(settings.host() + ":" + settings.port(), bindFailed);
        }
        LOG.info("Order service listening on http://{}:{} with the {}", settings.host(), port(), storeDescription());
        return this;
    }

    /** Returns the port the server listens on, which differs from the setting when that was 0. */
    public int port() {
        return app.port();
    }

    private String storeDescription() {
        if (settings.store() == LocalServerSettings.Store.DYNAMODB) {
            // The products table may keep products other than the catalog file's, and the DynamoDB store logs
            // the ones it serves when it starts.
            return "dynamodb store";
        }
        return "memory store (" + catalog.description() + ")";
    }

    public void stop() {
        app.stop();
        LOG.info("Order service stopped");
    }

    /** A failure to bind the server's socket, which the HOST and PORT settings decide. */
    public static final class CannotListenException extends RuntimeException {

        CannotListenException(String address, JavalinBindException failure) {
            // Javalin 7 reports every bind failure as "Port already in use", so the message gives the root cause.
            super("cannot listen on " + address + " (" + describeRootCause(failure) + "); check HOST and PORT", failure);
        }

        private static String describeRootCause(Throwable failure) {
            Throwable root = failure;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            if (root instanceof UnresolvedAddressException) {
                return "the host name does not resolve to an address";
            }
            return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        }
    }
}
