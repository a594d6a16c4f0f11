package dev.orderservice.http;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The browser origins allowed to call the API from another site; none unless configured.
 *
 * <p>An origin is compared exactly, as browsers send it ({@code https://shop.example.com}, no path, no trailing
 * slash). The single entry {@code *} allows every origin.
 */
public final class CorsPolicy {

    private final Set<String> allowedOrigins;

    private CorsPolicy(Set<String> allowedOrigins) {
        this.allowedOrigins = Set.copyOf(allowedOrigins);
    }

    public static CorsPolicy none() {
        return new CorsPolicy(Set.of());
    }

    public static CorsPolicy allowing(Set<String> origins) {
        return new CorsPolicy(origins);
    }

    /** Reads a comma-separated list, as in {@code CORS_ALLOWED_ORIGINS}; blank entries are ignored. */
    public static CorsPolicy parse(String commaSeparated) {
        if (commaSeparated == null) {
            return none();
        }
        Set<String> origins = Arrays.stream(commaSeparated.split(","))
                .map(String::trim)
                .filter(origin -> !origin.isEmpty())
                .collect(Collectors.toSet());
        return new CorsPolicy(origins);
    }

    public boolean allows(String origin) {
        return allowedOrigins.contains("*") || allowedOrigins.contains(origin);
    }

    public Set<String> allowedOrigins() {
        return allowedOrigins;
    }
}
