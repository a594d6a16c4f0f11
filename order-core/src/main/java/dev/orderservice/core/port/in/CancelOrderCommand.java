package dev.orderservice.core.port.in;

import dev.orderservice.core.domain.CustomerId;
import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.OrderException;
import dev.orderservice.core.domain.OrderId;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** A request to cancel an order, with an optional reason and an optional expected version. */
public final class CancelOrderCommand {

    private final OrderId orderId;
    private final String reason;
    private final Long expectedVersion;
    private final CustomerId requestedBy;

    /**
     * @param reason the customer's reason, or {@code null}
     * @param expectedVersion the version the caller last saw ({@code If-Match}), or {@code null} to cancel whatever
     *     the current version is
     * @throws OrderException {@code INVALID} for a reason over 500 characters
     */
    public CancelOrderCommand(OrderId orderId, String reason, Long expectedVersion) {
        this(orderId, reason, expectedVersion, null);
    }

    /**
     * @param requestedBy the authenticated customer who sends the request, who may cancel only their own orders; {@code null}
     *     when the caller is trusted to cancel any order
     */
    public CancelOrderCommand(OrderId orderId, String reason, Long expectedVersion, CustomerId requestedBy) {
        this.orderId = Objects.requireNonNull(orderId, "orderId");
        // Characters are counted as code points, so an emoji is one character, as a client counts it.
        if (reason != null && reason.codePointCount(0, reason.length()) > Order.MAX_REASON_LENGTH) {
            throw OrderException.invalid("reason", "must be at most " + Order.MAX_REASON_LENGTH + " characters");
        }
        this.reason = reason;
        this.expectedVersion = expectedVersion;
        this.requestedBy = requestedBy;
    }

    public OrderId orderId() {
        return orderId;
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    public Optional<CustomerId> requestedBy() {
        return Optional.ofNullable(requestedBy);
    }

    public OptionalLong expectedVersion() {
        return expectedVersion == null ? OptionalLong.empty() : OptionalLong.of(expectedVersion);
    }
}
