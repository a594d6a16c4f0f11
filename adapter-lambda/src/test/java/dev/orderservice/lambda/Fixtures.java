package dev.orderservice.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads the event fixtures under {@code src/test/resources/events} as bytes, as a handler receives them. The
 * fixtures follow the example events in API Gateway's developer guide, with this API's paths and bodies.
 */
final class Fixtures {

    private Fixtures() {
    }

    /** @param name a path under {@code events/}, such as {@code http-api/post-order-base64-body.json} */
    static byte[] event(String name) {
        try (InputStream input = Fixtures.class.getResourceAsStream("/events/" + name)) {
            if (input == null) {
                throw new IllegalArgumentException("no fixture events/" + name + " on the test classpath");
            }
            return input.readAllBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
