package dev.orderservice.local;

import dev.orderservice.http.HttpRequest;
import dev.orderservice.http.HttpResponse;
import dev.orderservice.http.OrderHttpApi;
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
 * local server and the Lambda handlers give the same answers for 404, 405, {@code HEAD}, trailing slashes and
 * CORS. Javalin provides the server, the request log and the life cycle.
 */
public final class JavalinApp {

    private static final Logger LOG = LoggerFactory.getLogger(JavalinApp.class);

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
        });
    }

    private static void serve(OrderHttpApi api, Context ctx) throws IOException {
        HttpResponse response = api.handle(toRequest(ctx.req()));

        response.failure().ifPresent(failure -> LOG.error("{} {} failed", ctx.req().getMethod(),
                ctx.req().getRequestURI(), failure));
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
        HttpRequest.Builder request = HttpRequest.builder(servletRequest.getMethod(), servletRequest.getRequestURI());
        for (String name : Collections.list(servletRequest.getHeaderNames())) {
            request.headers(name, Collections.list(servletRequest.getHeaders(name)));
        }
        QueryString.parse(servletRequest.getQueryString()).forEach(request::query);
        return request.body(readBody(servletRequest)).build();
    }

    /**
     * Reads at most one byte more than the API accepts, so an oversized body is refused with 413 without being
     * held in memory whole.
     */
    private static byte[] readBody(HttpServletRequest servletRequest) throws IOException {
        long declared = servletRequest.getContentLengthLong();
        if (declared > OrderHttpApi.MAX_BODY_BYTES) {
            return new byte[OrderHttpApi.MAX_BODY_BYTES + 1];
        }
        try (InputStream body = servletRequest.getInputStream()) {
            return body.readNBytes(OrderHttpApi.MAX_BODY_BYTES + 1);
        }
    }
}
