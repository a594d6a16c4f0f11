package dev.orderservice.http;

/** Thrown when a body is not {@code application/json}; the API responds with 415. */
final class UnsupportedMediaTypeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnsupportedMediaTypeException(String contentType) {
        super(contentType.isEmpty()
                ? "the request has a body but no Content-Type; send Content-Type: application/json"
                : "Content-Type " + abbreviate(contentType) + " is not supported; send application/json");
    }

    private static String abbreviate(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "...";
    }
}
