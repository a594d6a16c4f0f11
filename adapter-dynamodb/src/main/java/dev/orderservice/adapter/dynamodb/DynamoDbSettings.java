package dev.orderservice.adapter.dynamodb;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;

/**
 * The DynamoDB tables of the order service, where to reach them, and the secret that signs list cursors.
 *
 * @param ordersTable the name of the orders table
 * @param productsTable the name of the products table
 * @param endpoint the URL to call instead of the region's AWS endpoint, such as a local DynamoDB-API server,
 *     or {@code null} for AWS itself
 * @param region the AWS region of the tables
 * @param cursorSecret the HMAC secret that signs list cursors, at least 16 bytes in UTF-8, or {@code null} to
 *     sign with a random secret that lives as long as the process
 */
public record DynamoDbSettings(String ordersTable, String productsTable, URI endpoint, Region region,
        String cursorSecret) {

    public static final String DEFAULT_ORDERS_TABLE = "orders";
    public static final String DEFAULT_PRODUCTS_TABLE = "products";

    /** The region a local endpoint is signed for when {@code AWS_REGION} is not set; local servers ignore it. */
    static final Region LOCAL_DEFAULT_REGION = Region.US_EAST_1;

    static final int MIN_CURSOR_SECRET_BYTES = 16;

    // DynamoDB's rule for table names.
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|\\[[0-9A-Fa-f:.]+]");

    public DynamoDbSettings {
        checkTableName("orders", ordersTable);
        checkTableName("products", productsTable);
        if (ordersTable.equals(productsTable)) {
            // Orders and products have different keys, so one table cannot hold both.
            throw new IllegalArgumentException("ORDERS_TABLE and PRODUCTS_TABLE must name different tables, both"
                    + " were \"" + ordersTable + "\"");
        }
        Objects.requireNonNull(region, "region");
        if (endpoint != null) {
            checkEndpoint(endpoint);
        }
        if (cursorSecret != null && cursorSecret.getBytes(StandardCharsets.UTF_8).length < MIN_CURSOR_SECRET_BYTES) {
            throw new IllegalArgumentException("the cursor secret must have at least " + MIN_CURSOR_SECRET_BYTES
                    + " bytes; set ORDERS_CURSOR_SECRET to a random string of 32 characters or more");
        }
    }

    /**
     * Reads the settings from {@code ORDERS_TABLE} (default {@code orders}), {@code PRODUCTS_TABLE} (default
     * {@code products}), {@code DYNAMODB_ENDPOINT} (optional), {@code AWS_REGION} and {@code ORDERS_CURSOR_SECRET}.
     * An empty variable counts as unset.
     *
     * @throws IllegalArgumentException when a value is not valid, or {@code AWS_REGION} is missing without an
     *     endpoint override
     */
    public static DynamoDbSettings fromEnvironment(Map<String, String> environment) {
        URI endpoint = read(environment, "DYNAMODB_ENDPOINT", null) == null
                ? null
                : parseEndpoint(environment.get("DYNAMODB_ENDPOINT"));
        String region = read(environment, "AWS_REGION", null);
        if (region == null && endpoint == null) {
            throw new IllegalArgumentException("AWS_REGION is not set; set it to the region of the tables, such as"
                    + " eu-west-1, or set DYNAMODB_ENDPOINT to use a local DynamoDB-API server");
        }
        return new DynamoDbSettings(
                read(environment, "ORDERS_TABLE", DEFAULT_ORDERS_TABLE),
                read(environment, "PRODUCTS_TABLE", DEFAULT_PRODUCTS_TABLE),
                endpoint,
                region == null ? LOCAL_DEFAULT_REGION : Region.of(region),
                read(environment, "ORDERS_CURSOR_SECRET", null));
    }

    /** Reads the settings from the process environment, as {@link #fromEnvironment(Map)} describes. */
    public static DynamoDbSettings fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** Returns a copy with other table names, as tests and side-by-side deployments use. */
    public DynamoDbSettings withTables(String orders, String products) {
        return new DynamoDbSettings(orders, products, endpoint, region, cursorSecret);
    }

    /**
     * Returns what a deployment should fix in these settings, in sentences that the caller logs at start-up.
     * Nothing here stops the service from working in a single process.
     */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (cursorSecret == null) {
            warnings.add("ORDERS_CURSOR_SECRET is not set, so list cursors are signed with a random secret and"
                    + " stop working when this process ends; set it, the same on every instance, wherever more"
                    + " than one process serves the API, such as every Lambda function");
        }
        return warnings;
    }

    /**
     * Returns whether the endpoint is on this machine, where a DynamoDB-API server for development accepts any
     * credentials, so the client needs none from the environment.
     */
    boolean hasLoopbackEndpoint() {
        if (endpoint == null) {
            return false;
        }
        String host = endpoint.getHost();
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Only address literals are checked, so that no host name is looked up in DNS for this.
        if (!IP_LITERAL.matcher(host).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException unknown) {
            return false;
        }
    }

    /** Returns the settings without the cursor secret, which must not reach a log. */
    @Override
    public String toString() {
        return "DynamoDbSettings[ordersTable=" + ordersTable + ", productsTable=" + productsTable + ", endpoint="
                + endpoint + ", region=" + region + ", cursorSecret=" + (cursorSecret == null ? "none" : "set") + "]";
    }

    private static String read(Map<String, String> environment, String name, String defaultValue) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? defaultValue : value.strip();
    }

    private static URI parseEndpoint(String value) {
        try {
            return new URI(value.strip());
        } catch (URISyntaxException invalid) {
            throw new IllegalArgumentException("DYNAMODB_ENDPOINT must be a URL such as http://127.0.0.1:4567, was \""
                    + value + "\"", invalid);
        }
    }

    private static void checkEndpoint(URI endpoint) {
        boolean http = "http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme());
        if (!http || endpoint.getHost() == null) {
            throw new IllegalArgumentException("the DynamoDB endpoint must be an http or https URL with a host, such"
                    + " as http://127.0.0.1:4567, was \"" + endpoint + "\"");
        }
    }

    private static void checkTableName(String role, String name) {
        Objects.requireNonNull(name, role + " table name");
        if (!TABLE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("the " + role + " table name must be 3 to 255 characters of"
                    + " A-Z a-z 0-9 _ . -, was \"" + name + "\"");
        }
    }
}
