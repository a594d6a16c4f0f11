package dev.orderservice.http.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An {@link ApiClient} that sends real HTTP/1.1 requests over a socket, for a server started by the test.
 *
 * <p>{@link HttpClient} sets {@code Content-Length}, {@code Host} and {@code Connection} itself and throws
 * {@link IllegalArgumentException} when a request names one of them, so the contract sends none of them.
 */
public final class HttpClientApiClient implements ApiClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI baseUri;
    private final HttpClient http;

    /** @param baseUri the server's scheme, host and port, such as {@code http://127.0.0.1:8080} */
    public HttpClientApiClient(URI baseUri) {
        this.baseUri = baseUri;
        // Only HTTP/1.1, because the default HTTP/2 attempt adds an Upgrade header to every cleartext request.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Returns a client of a server on {@code 127.0.0.1} at the given port. */
    public static HttpClientApiClient onLocalPort(int port) {
        return new HttpClientApiClient(URI.create("http://127.0.0.1:" + port));
    }

    @Override
    public ApiResponse send(ApiRequest request) {
        // Concatenated rather than resolved, because URI.resolve reads a target such as //orders as a host name.
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUri + request.target()))
                .timeout(TIMEOUT)
                .method(request.method(), request.body().length == 0
                        ? BodyPublishers.noBody()
                        : BodyPublishers.ofByteArray(request.body()));
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            for (String value : header.getValue()) {
                builder.header(header.getKey(), value);
            }
        }

        try {
            java.net.http.HttpResponse<byte[]> response = http.send(builder.build(), BodyHandlers.ofByteArray());
            return new ApiResponse(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException failed) {
            throw new UncheckedIOException(request.method() + " " + request.target() + " failed", failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(request.method() + " " + request.target() + " was interrupted",
                    interrupted);
        }
    }
}
