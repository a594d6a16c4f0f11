package dev.orderservice.lambda.s3import;

import dev.orderservice.core.domain.OrderException;

/**
 * The outcome of placing one line.
 *
 * @param problem the problem document of a refused line, as POST /orders would have returned it, or {@code null}
 * @param storeFailure the failure of a line that the store could not take, or {@code null}
 */
record LineOutcome(int lineNumber, Kind kind, byte[] problem, OrderException storeFailure) {

    /** The kinds of outcome. */
    enum Kind {
        /** The line placed a new order. */
        PLACED,
        /** An earlier import of the same line placed the order, so nothing new was stored. */
        REPLAYED,
        /** The line is not a valid place-order body, or the order cannot be accepted. */
        REFUSED,
        /** The store was unreachable or throttling, so the import must be retried. */
        STORE_UNAVAILABLE
    }

    static LineOutcome placed(int lineNumber, boolean replayed) {
        return new LineOutcome(lineNumber, replayed ? Kind.REPLAYED : Kind.PLACED, null, null);
    }

    static LineOutcome refused(int lineNumber, byte[] problem) {
        return new LineOutcome(lineNumber, Kind.REFUSED, problem, null);
    }

    static LineOutcome storeUnavailable(int lineNumber, OrderException failure) {
        return new LineOutcome(lineNumber, Kind.STORE_UNAVAILABLE, null, failure);
    }
}
