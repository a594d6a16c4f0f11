package dev.orderservice.http;

/** Thrown when an authenticated request names another customer; the API responds with 403. */
public final class ForbiddenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ForbiddenException() {
        super("the request names a customer other than the authenticated one");
    }
}
