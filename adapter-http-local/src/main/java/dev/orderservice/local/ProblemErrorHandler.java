package dev.orderservice.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the errors that Jetty raises before a request reaches the API, such as a malformed request line or
 * oversized headers, with a problem document instead of Jetty's HTML page.
 */
final class ProblemErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) throws IOException {
        String title = code >= 500 ? "Internal server error" : "Request cannot be read";
        String body = "{\"type\":\"/problems/" + (code >= 500 ? "internal-error" : "bad-request") + "\",\"title\":\""
                + title + "\",\"status\":" + code + ",\"detail\":\"The server could not process the HTTP request.\"}";
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
