package dev.orderservice.http;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as every adapter can build it: the local server from Jetty, the Lambda handlers from API
 * Gateway's events.
 *
 * <p>Header names are case-insensitive. Query parameters keep every value, so a repeated parameter can be
 * refused rather than silently narrowed to one.
 */
public final class HttpRequest {

    private final String method;
    private final String path;
    private final Map<String, List<String>> query;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final String basePath;
    private final String authenticatedCustomerId;

    private HttpRequest(Builder builder) {
        // Methods are case-sensitive (RFC 9110), so "post" is another method than POST and gets a 405.
        this.method = builder.method;
        this.path = builder.path;
        this.query = Map.copyOf(builder.query);
        Map<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        builder.headers.forEach((name, values) -> caseInsensitive.merge(name, List.copyOf(values), HttpRequest::concat));
        this.headers = caseInsensitive;
        this.body = builder.body;
        this.basePath = builder.basePath;
        this.authenticatedCustomerId = builder.authenticatedCustomerId;
    }

    public static Builder builder(String method, String path) {
        return new Builder(method, path);
    }

    public String method() {
        return method;
    }

    /** Returns the decoded path without the query string, such as {@code /orders/42/cancel}. */
    public String path() {
        return path;
    }

    /** Returns the names of the query parameters, in no particular order. */
    public java.util.Set<String> queryNames() {
        return query.keySet();
    }

    /** Returns every value of a query parameter, in the order given; an absent parameter has none. */
    public List<String> queryValues(String name) {
        return query.getOrDefault(name, List.of());
    }

    /** Returns the first value of a header, if present. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Returns every value of a header, for headers that may be repeated. */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name, List.of());
    }

    /** Returns the body; an empty array when there is none. The array is shared, so callers must not change it. */
    public byte[] body() {
        return body;
    }

    /**
     * Returns the prefix that clients put before the API's paths, such as an API Gateway stage {@code /prod}, so
     * that a {@code Location} header names a URL the client can follow; empty when there is none.
     */
    public String basePath() {
        return basePath;
    }

    /**
     * Returns the customer id that an authorizer has verified, such as a JWT's {@code sub} claim. When present,
     * the request may only act for that customer.
     */
    public Optional<String> authenticatedCustomerId() {
        return Optional.ofNullable(authenticatedCustomerId);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }

    /** Builds a request; query values and headers may be added one by one or as maps. */
    public static final class Builder {

        private final String method;
        private final String path;
        private final Map<String, List<String>> query = new java.util.LinkedHashMap<>();
        private final Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        private byte[] body = new byte[0];
        private String basePath = "";
        private String authenticatedCustomerId;

        private Builder(String method, String path) {
            this.method = Objects.requireNonNull(method, "method");
            this.path = Objects.requireNonNull(path, "path");
        }

        public Builder query(String name, List<String> values) {
            query.merge(name, List.copyOf(values), HttpRequest::concat);
            return this;
        }

        public Builder header(String name, String value) {
            headers.merge(name, List.of(value), HttpRequest::concat);
            return this;
        }

        public Builder headers(String name, List<String> values) {
            headers.merge(name, List.copyOf(values), HttpRequest::concat);
            return this;
        }

        /** Sets the body; {@code null} means none. */
        public Builder body(byte[] body) {
            this.body = body == null ? new byte[0] : body;
            return this;
        }

        /** Sets the prefix of the API's paths as clients see them, such as {@code /prod}; empty by default. */
        public Builder basePath(String basePath) {
            this.basePath = Objects.requireNonNull(basePath, "basePath");
            return this;
        }

        /** Sets the customer id an authorizer verified; {@code null} means the request is not authenticated. */
        public Builder authenticatedCustomerId(String customerId) {
            this.authenticatedCustomerId = customerId;
            return this;
        }

        public HttpRequest build() {
            return new HttpRequest(this);
        }
    }
}
