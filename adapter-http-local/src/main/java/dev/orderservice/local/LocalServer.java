package dev.orderservice.local;

import dev.orderservice.http.OrderHttpApi;
import io.javalin.Javalin;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
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

    public LocalServer start() {
        app.start();
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
}
