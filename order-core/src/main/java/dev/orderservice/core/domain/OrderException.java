package dev.orderservice.core.domain;

import java.util.List;
import java.util.Objects;

/**
 * A refusal by the order service, of one of a small closed set of reasons.
 *
 * <p>Each adapter maps {@link Reason} once, centrally, to its own response (an HTTP status, a failed batch item),
 * so the core carries no protocol codes.
 */
public final class OrderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The reason a request was refused. */
    public enum Reason {
        /** The request is malformed or a value is out of its range. */
        INVALID,
        /** No order with the given id exists. */
        NOT_FOUND,
        /** The request is well-formed but cannot be accepted, such as an unknown SKU. */
        REJECTED,
        /** The order's status does not allow the change. */
        CONFLICT,
        /** The caller's expected version of the order is not the stored one. */
        STALE_VERSION,
        /** The store is unreachable or throttling; the same request may succeed later. */
        UNAVAILABLE
    }

    /** One invalid or rejected field, named by its path in the request, such as {@code items[0].quantity}. */
    public record Violation(String field, String message) {

        public Violation {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }
    }

    private final Reason reason;
    private final transient List<Violation> violations;

    private OrderException(Reason reason, String message, List<Violation> violations, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.violations = List.copyOf(violations);
    }

    public static OrderException invalid(List<Violation> violations) {
        return new OrderException(Reason.INVALID, describe(violations), violations, null);
    }

    public static OrderException invalid(String field, String message) {
        return invalid(List.of(new Violation(field, message)));
    }

    public static OrderException notFound(OrderId orderId) {
        return new OrderException(Reason.NOT_FOUND, "order " + orderId + " does not exist", List.of(), null);
    }

    public static OrderException notFound(String message) {
        return new OrderException(Reason.NOT_FOUND, message, List.of(), null);
    }

    public static OrderException rejected(String message, List<Violation> violations) {
        return new OrderException(Reason.REJECTED, message, violations, null);
    }

    public static OrderException conflict(String message) {
        return new OrderException(Reason.CONFLICT, message, List.of(), null);
    }

    public static OrderException staleVersion(OrderId orderId, long expected, long actual) {
        String message = "order " + orderId + " is at version " + actual + ", not " + expected;
        return new OrderException(Reason.STALE_VERSION, message, List.of(), null);
    }

    public static OrderException unavailable(String message, Throwable cause) {
        return new OrderException(Reason.UNAVAILABLE, message, List.of(), cause);
    }

    public Reason reason() {
        return reason;
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String describe(List<Violation> violations) {
        if (violations.size() == 1) {
            Violation only = violations.get(0);
            return only.field() + " " + only.message();
        }
        return violations.size() + " fields are not valid";
    }
}
