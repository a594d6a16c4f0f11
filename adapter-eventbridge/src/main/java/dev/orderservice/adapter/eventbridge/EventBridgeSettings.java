package dev.orderservice.adapter.eventbridge;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;

/**
 * The event bus that the order service publishes its domain events to, and how to reach it.
 *
 * @param eventBusName the name or ARN of the event bus
 * @param source the {@code source} of every entry, which subscribers' rules match on
 * @param endpoint the URL to call instead of the region's AWS endpoint, such as a test server, or {@code null}
 *     for AWS itself
 * @param region the AWS region of the event bus
 */
public record EventBridgeSettings(String eventBusName, String source, URI endpoint, Region region) {

    /** The bus that every AWS account has in every region. */
    public static final String DEFAULT_EVENT_BUS_NAME = "default";
    public static final String DEFAULT_SOURCE = "dev.orderservice.orders";

    /** The region a local endpoint is signed for when {@code AWS_REGION} is not set; test servers ignore it. */
    static final Region LOCAL_DEFAULT_REGION = Region.US_EAST_1;

    // EventBridge's rules for PutEvents: a bus is named by name or ARN, and a source has 1 to 256 characters.
    private static final Pattern EVENT_BUS_NAME =
            Pattern.compile("(arn:aws[\\w-]*:events:[a-z0-9-]+:[0-9]{12}:event-bus/)?[A-Za-z0-9._-]{1,256}");
    private static final int MAX_SOURCE_LENGTH = 256;

    public EventBridgeSettings {
        Objects.requireNonNull(eventBusName, "eventBusName");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(region, "region");
        if (!EVENT_BUS_NAME.matcher(eventBusName).matches()) {
            throw new IllegalArgumentException("EVENT_BUS_NAME must be an event bus name of A-Z a-z 0-9 . _ -,"
                    + " or an event bus ARN, was \"" + eventBusName + "\"");
        }
        if (source.isBlank() || source.length() > MAX_SOURCE_LENGTH) {
            throw new IllegalArgumentException("EVENT_SOURCE must have 1 to " + MAX_SOURCE_LENGTH
                    + " characters, such as " + DEFAULT_SOURCE + ", was \"" + source + "\"");
        }
        // EventBridge rejects entries whose source starts with "aws.", because that prefix names AWS services.
        if (source.startsWith("aws.")) {
            throw new IllegalArgumentException("EVENT_SOURCE must not start with \"aws.\", which AWS services"
                    + " use; choose a reverse domain name of your own, such as " + DEFAULT_SOURCE);
        }
        if (endpoint != null) {
            checkEndpoint(endpoint);
        }
    }

    /**
     * Reads the settings from {@code EVENT_BUS_NAME} (default {@code default}), {@code EVENT_SOURCE} (default
     * {@code dev.orderservice.orders}), {@code EVENTBRIDGE_ENDPOINT} (optional) and {@code AWS_REGION}. An empty
     * variable counts as unset.
     *
     * @throws IllegalArgumentException when a value is not valid, or {@code AWS_REGION} is missing without an
     *     endpoint override
     */
    public static EventBridgeSettings fromEnvironment(Map<String, String> environment) {
        String endpoint = read(environment, "EVENTBRIDGE_ENDPOINT", null);
        String region = read(environment, "AWS_REGION", null);
        if (region == null && endpoint == null) {
            throw new IllegalArgumentException("AWS_REGION is not set; set it to the region of the event bus, such"
                    + " as eu-west-1, or set EVENTBRIDGE_ENDPOINT to publish to a local server");
        }
        return new EventBridgeSettings(
                read(environment, "EVENT_BUS_NAME", DEFAULT_EVENT_BUS_NAME),
                read(environment, "EVENT_SOURCE", DEFAULT_SOURCE),
                endpoint == null ? null : parseEndpoint(endpoint),
                region == null ? LOCAL_DEFAULT_REGION : Region.of(region));
    }

    private static String read(Map<String, String> environment, String name, String defaultValue) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? defaultValue : value.strip();
    }

    private static URI parseEndpoint(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException invalid) {
            throw new IllegalArgumentException("EVENTBRIDGE_ENDPOINT must be a URL such as http://127.0.0.1:4010,"
                    + " was \"" + value + "\"", invalid);
        }
    }

    private static void checkEndpoint(URI endpoint) {
        boolean http = "http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme());
        if (!http || endpoint.getHost() == null) {
            throw new IllegalArgumentException("EVENTBRIDGE_ENDPOINT must be an http or https URL with a host, such"
                    + " as http://127.0.0.1:4010, was \"" + endpoint + "\"");
        }
    }
}
