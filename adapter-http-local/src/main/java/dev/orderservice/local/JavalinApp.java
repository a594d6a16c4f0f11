package dev.orderservice.local;

import dev.orderservice.core.domain.OrderException;
import dev.orderservice.http.HttpRequest;
import dev.orderservice.http.HttpResponse;
import dev.orderservice.http.OrderHttpApi;
import dev.orderservice.http.PercentDecoding;
import dev.orderservice.http.QueryString;
import io.javalin.Javalin;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Javalin app that serves {@link OrderHttpApi}.
 *
 * <p>Every request, whatever its path and method, goes to the shared API, which does the routing: that is how the
 * local server and the Lambda handlers return the same responses for 404, 405, {@code HEAD}, trailing slashes and
 * CORS. Javalin provides the server, the request log and the life cycle.
 */
public final class JavalinApp {

    private static final Logger LOG = LoggerFactory.getLogger(JavalinApp.class);

    /** Oversized bodies up to this size are read to their end before the 413, larger ones are cut off. */
    private static final long MAX_DRAINED_BYTES = 1024 * 1024;

    private JavalinApp() {
    }

    /** Returns the app, not yet started, so tests can start it on a free port. */
    public static Javalin create(OrderHttpApi api, String host, int port) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = host;
            config.jetty.port = port;
            config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
            config.requestLogger.http((ctx, milliseconds) -> LOG.info("{} {} {} {}ms",
                    ctx.req().getMethod(), ctx.req().getRequestURI(), ctx.statusCode(), Math.round(milliseconds)));
            config.routes.before(ctx -> {
                ctx.skipRemainingHandlers();
                serve(api, ctx);
            });
            // The shared API catches everything it raises; this catches what Javalin or Jetty raise around it.
            config.routes.exception(Exception.class, (failure, ctx) -> {
                LOG.error("{} {} failed outside the API", ctx.req().getMethod(), ctx.req().getRequestURI(), failure);
                write(ctx, OrderHttpApi.problemFor(new IllegalStateException(failure)));
            });
        });
    }

    private static void serve(OrderHttpApi api, Context ctx) {
        HttpResponse response;
        try {
            response = api.handle(toRequest(ctx.req()));
        } catch (IOException unreadable) {
            // The client sent less than it declared, or a broken chunk: nothing of it can be trusted.
            LOG.warn("{} {} body could not be read: {}", ctx.req().getMethod(), ctx.req().getRequestURI(),
                    unreadable.toString());
            response = OrderHttpApi.problemFor(OrderException.invalid("body",
                    "ended before the length the request declared, or has a broken chunk; send the whole body"));
        }

        logFailure(ctx, response);
        write(ctx, response);
    }

    private static void logFailure(Context ctx, HttpResponse response) {
        if (response.failure().isEmpty()) {
            return;
        }
        Throwable failure = response.failure().get();
        if (response.status() == 503) {
            LOG.warn("{} {} store unavailable: {}", ctx.req().getMethod(), ctx.req().getRequestURI(),
                    failure.getCause() == null ? failure.toString() : failure.getCause().toString());
        } else {
            LOG.error("{} {} failed", ctx.req().getMethod(), ctx.req().getRequestURI(), failure);
        }
    }

    private static void write(Context ctx, HttpResponse response) {
        ctx.status(response.status());
        if (!response.headers().containsKey("Content-Type")) {
            // Javalin presets text/plain, which would be false on a 204.
            ctx.res().setContentType(null);
        }
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            ctx.header(header.getKey(), header.getValue());
        }
        ctx.result(response.body());
    }

    private static HttpRequest toRequest(HttpServletRequest servletRequest) throws IOException {
        String path = PercentDecoding.decodePath(servletRequest.getRequestURI());
        HttpRequest.Builder request = HttpRequest.builder(servletRequest.getMethod(), path);
        for (String name : Collections.list(servletRequest.getHeaderNames())) {
            request.headers(name, Collections.list(servletRequest.getHeaders(name)));
        }
        QueryString.parse(servletRequest.getQueryString()).forEach(request::query);
        return request.body(readBody(servletRequest)).build();
    }

    /**
     * Reads at most one byte more than the API accepts, so an oversized body is refused with 413 without being
     * held in memory. The rest of a moderately oversized body is read and dropped, because a client that is still
     * sending when the server responds and closes gets a reset connection instead of the 413.
     */
    private static byte[] readBody(HttpServletRequest servletRequest) throws IOException {
        long declared = servletRequest.getContentLengthLong();
        if (declared > MAX_DRAINED_BYTES) {
            return new byte[OrderHttpApi.MAX_BODY_BYTES + 1];
        }
        try (InputStream body = servletRequest.getInputStream()) {
            byte[] bytes = body.readNBytes(OrderHttpApi.MAX_BODY_BYTES + 1);
            if (bytes.length > OrderHttpApi.MAX_BODY_BYTES) {
                drainRest(body);
            }
            return bytes;
        }
    }

    /** Drops what is left of a body, up to the drain limit. */
    private static void drainRest(InputStream body) throws IOException {
        byte[] discard = new byte[8192];
        long drained = 0;
        int read;
        while (drained < MAX_DRAINED_BYTES && (read = body.read(discard)) > 0) {
            drained += read;
        }
    }
}
