package dev.orderservice.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The response to an {@link HttpRequest}: status, headers and body, plus the failure behind a 500 or a 503,
 * which the adapter logs and never sends to the client.
 */
public final class HttpResponse {

    private final int status;
    private final Map<String, String> headers;
    private final byte[] body;
    private final Throwable failure;

    HttpResponse(int status, Map<String, String> headers, byte[] body, Throwable failure) {
        this.status = status;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        this.body = body;
        this.failure = failure;
    }

    public int status() {
        return status;
    }

    /** Returns the headers, in the order they were set, with names as API.md spells them. */
    public Map<String, String> headers() {
        return headers;
    }

    /** Returns the body, empty for 204 and for {@code HEAD}; callers must not change the array. */
    public byte[] body() {
        return body;
    }

    /** Returns the exception behind a 500 (unexpected) or a 503 (the store is unavailable), for the adapter's log. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }
}
