package dev.orderservice.lambda;

import dev.orderservice.http.HttpRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** One payload format of API Gateway's Lambda proxy integration, translated to and from the shared API's types. */
interface EventFormat {

    /**
     * Reads an event into a request.
     *
     * @throws IOException when the event is not JSON
     * @throws IllegalArgumentException when the event lacks what this format always has, such as the method
     */
    HttpRequest readRequest(InputStream event) throws IOException;

    /** Writes the response document that API Gateway turns into the HTTP response. */
    void writeResponse(int status, Map<String, String> headers, byte[] body, OutputStream output) throws IOException;

    /** Returns a minimal event of this format for a request without headers other than its content type. */
    byte[] sampleEvent(String method, String path, String contentType, String body);

    /**
     * Returns the bytes of an event's body: decoded from base64 when API Gateway encoded it, which it does for
     * content types it treats as binary, else the UTF-8 bytes of the text.
     *
     * @throws IllegalArgumentException when a body marked as base64 is not valid base64
     */
    static byte[] decodeBody(String body, boolean base64Encoded) {
        if (body == null) {
            return new byte[0];
        }
        return base64Encoded ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    }
}
