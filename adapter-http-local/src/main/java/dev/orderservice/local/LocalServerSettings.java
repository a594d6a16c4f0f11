package dev.orderservice.local;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The local server's configuration, from environment variables, each of which a command-line flag may override:
 * {@code PORT} ({@code --port}), {@code HOST} ({@code --host}), {@code ORDERS_STORE} ({@code --store}),
 * {@code CATALOG_FILE} ({@code --catalog-file}), {@code CORS_ALLOWED_ORIGINS} ({@code --cors-allowed-origins}),
 * and the pricing policy: {@code PRICING_TAX_RATE}, {@code PRICING_SHIPPING_FEE},
 * {@code PRICING_FREE_SHIPPING_FROM}.
 */
public final class LocalServerSettings {

    /** The store that keeps orders. */
    public enum Store {
        MEMORY,
        DYNAMODB
    }

    /** The options and their environment variables, in the order that the help and error messages list them. */
    private static final Map<String, String> FLAGS = orderedFlags();

    private static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar orders-local.jar [--option value | --option=value]...",
            "",
            "Options override the environment variables in brackets. An empty variable counts as unset.",
            "  --port (PORT)                  port to listen on; 0 picks a free one. Default: 8080",
            "  --host (HOST)                  address to bind; 0.0.0.0 for every interface. Default: 127.0.0.1",
            "  --store (ORDERS_STORE)         memory or dynamodb. Default: memory",
            "  --catalog-file (CATALOG_FILE)  JSON catalog, at most 32 MiB. Default: the demo catalog",
            "  --cors-allowed-origins (CORS_ALLOWED_ORIGINS)",
            "                                 comma-separated browser origins. Default: none",
            "  -h, --help                     print this help and exit",
            "",
            "Environment variables without an option:",
            "  PRICING_TAX_RATE               tax rate on the subtotal, 0 to 1. Default: " + CatalogSource.DEFAULT_TAX_RATE,
            "  PRICING_SHIPPING_FEE           shipping fee in the catalog's currency. Default: "
                    + CatalogSource.DEFAULT_SHIPPING_FEE,
            "  PRICING_FREE_SHIPPING_FROM     subtotal from which shipping is free. Default: "
                    + CatalogSource.DEFAULT_FREE_SHIPPING_FROM,
            "  With --store dynamodb: DYNAMODB_ENDPOINT, AWS_REGION, ORDERS_TABLE (default orders),",
            "  PRODUCTS_TABLE (default products), ORDERS_CURSOR_SECRET (default: a random secret per process).",
            "");

    private final Map<String, String> values;
    private final String host;
    private final int port;
    private final Store store;

    private LocalServerSettings(Map<String, String> values) {
        this.values = Map.copyOf(values);
        this.host = values.getOrDefault("HOST", "127.0.0.1");
        this.port = parsePort(values.getOrDefault("PORT", "8080"));
        this.store = parseStore(values.getOrDefault("ORDERS_STORE", "memory"));
    }

    /**
     * Reads the settings.
     *
     * @throws IllegalArgumentException naming the setting and the accepted values when one is not valid
     */
    public static LocalServerSettings from(Map<String, String> environment, String... args) {
        Map<String, String> values = new HashMap<>();
        environment.forEach((name, value) -> {
            if (!value.isBlank()) {
                values.put(name, value.trim());
            }
        });
        for (int i = 0; i < args.length; i++) {
            String[] flag = args[i].split("=", 2);
            String name = FLAGS.get(flag[0]);
            if (name == null) {
                throw new IllegalArgumentException("unknown option " + flag[0] + "; the options are " + FLAGS.keySet()
                        + " and --help");
            }
            if (flag.length == 2) {
                values.put(name, flag[1]);
            } else if (i + 1 < args.length) {
                values.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("option " + flag[0] + " needs a value");
            }
        }
        return new LocalServerSettings(values);
    }

    /** Returns the help text of {@code --help}: every option and environment variable with its default. */
    public static String usage() {
        return USAGE;
    }

    /** Returns settings for tests: the given values on top of the defaults, with port 0 (any free port). */
    public static LocalServerSettings forTest(Map<String, String> values) {
        Map<String, String> withPort = new HashMap<>(values);
        withPort.putIfAbsent("PORT", "0");
        return new LocalServerSettings(withPort);
    }

    public String host() {
        return host;
    }

    /** Returns the port to listen on; 0 picks any free port. */
    public int port() {
        return port;
    }

    public Store store() {
        return store;
    }

    public Optional<Path> catalogFile() {
        return value("CATALOG_FILE").map(Path::of);
    }

    /** Returns any setting by its environment variable name, such as {@code DYNAMODB_ENDPOINT}. */
    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** Returns all settings, so that a store adapter can read its own. */
    public Map<String, String> values() {
        return values;
    }

    private static Map<String, String> orderedFlags() {
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("--port", "PORT");
        flags.put("--host", "HOST");
        flags.put("--store", "ORDERS_STORE");
        flags.put("--catalog-file", "CATALOG_FILE");
        flags.put("--cors-allowed-origins", "CORS_ALLOWED_ORIGINS");
        return Collections.unmodifiableMap(flags);
    }

    private static int parsePort(String port) {
        try {
            int number = Integer.parseInt(port);
            if (number >= 0 && number <= 65535) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // Reported below, with the accepted range.
        }
        throw new IllegalArgumentException("PORT must be a number from 0 to 65535, was \"" + port + "\"");
    }

    private static Store parseStore(String store) {
        try {
            return Store.valueOf(store.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("ORDERS_STORE must be memory or dynamodb, was \"" + store + "\"");
        }
    }
}
