package dev.orderservice.core.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The order aggregate: its priced lines, totals and place in the life cycle.
 *
 * <p>Instances are immutable; each change returns a new order with the next version.
 */
public final class Order {

    public static final int MAX_LINES = 50;
    public static final int MAX_REASON_LENGTH = 500;
    public static final String PAYMENT_FAILED_REASON = "payment failed";

    private final OrderId id;
    private final CustomerId customerId;
    private final OrderStatus status;
    private final Currency currency;
    private final List<OrderLine> lines;
    private final Totals totals;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final long version;
    private final String cancellationReason;
    private final List<String> appliedEventIds;

    /**
     * Restores an order as stored; storage adapters call this, use cases call {@link #place} and the changes.
     *
     * @param cancellationReason the reason given for a cancel, or {@code null} when there is none
     * @param appliedEventIds the ids of the events that moved this order, so a repeat is recognised
     */
    public Order(OrderId id, CustomerId customerId, OrderStatus status, Currency currency, List<OrderLine> lines,
            Totals totals, Instant createdAt, Instant updatedAt, long version, String cancellationReason,
            List<String> appliedEventIds) {
        this.id = Objects.requireNonNull(id, "id");
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.status = Objects.requireNonNull(status, "status");
        this.currency = Objects.requireNonNull(currency, "currency");
        this.lines = List.copyOf(lines);
        this.totals = Objects.requireNonNull(totals, "totals");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.version = version;
        this.cancellationReason = cancellationReason;
        this.appliedEventIds = List.copyOf(appliedEventIds);
        checkInvariants();
    }

    /** Places a new order at version 1, with totals from the pricing policy. */
    public static Order place(OrderId id, CustomerId customerId, List<OrderLine> lines, PricingPolicy pricing,
            Instant now) {
        return new Order(id, customerId, OrderStatus.PLACED, pricing.currency(), lines, pricing.price(lines), now,
                now, 1, null, List.of());
    }

    /**
     * Cancels this order. A cancelled order is returned unchanged; a shipped or delivered one cannot be cancelled.
     *
     * @param reason the customer's reason, or {@code null}
     */
    public Order cancel(String reason, Instant now) {
        if (status == OrderStatus.CANCELLED) {
            return this;
        }
        if (!status.canMoveTo(OrderStatus.CANCELLED)) {
            throw OrderException.conflict("order " + id + " is " + status + " and can no longer be cancelled");
        }
        return next(OrderStatus.CANCELLED, now, reason, appliedEventIds);
    }

    /**
     * Applies an event from a payment or shipping service.
     *
     * <p>An event already applied, by id or by its effect, returns this order unchanged. Any other event whose
     * {@link OrderEventType#source() source} is not this order's status is refused as a conflict, which a queue
     * may retry later. That refuses moving backwards, skipping a step, and a payment failure for a paid order.
     */
    public Order apply(OrderEvent event, Instant now) {
        OrderStatus target = event.type().target();
        if (appliedEventIds.contains(event.eventId())) {
            if (!hasReached(target)) {
                // The id moved this order once, but not to where this event leads: the sender reused the id.
                throw OrderException.conflict("event id " + event.eventId() + " was already applied to order " + id
                        + " by an event of another type; give every event an id of its own");
            }
            return this;
        }
        if (status == target) {
            return this;
        }
        if (status != event.type().source() || !status.canMoveTo(target)) {
            throw OrderException.conflict("order " + id + " is " + status + ", but " + event.type().wireName()
                    + " applies only to a " + event.type().source() + " order");
        }

        List<String> eventIds = new ArrayList<>(appliedEventIds);
        eventIds.add(event.eventId());
        String reason = target == OrderStatus.CANCELLED ? PAYMENT_FAILED_REASON : cancellationReason;
        return next(target, now, reason, eventIds);
    }

    /**
     * Returns whether this order is at {@code target} or past it on the way to delivery. A cancelled order may have
     * passed any step before it was cancelled, so it counts as having reached every one.
     */
    private boolean hasReached(OrderStatus target) {
        if (status == OrderStatus.CANCELLED || status == target) {
            return true;
        }
        List<OrderStatus> delivery = List.of(OrderStatus.PLACED, OrderStatus.PAID, OrderStatus.SHIPPED,
                OrderStatus.DELIVERED);
        return target != OrderStatus.CANCELLED && delivery.indexOf(status) >= delivery.indexOf(target);
    }

    /** Returns this order as it was when placed, which is what a replayed placement returns. */
    public Order asPlaced() {
        return new Order(id, customerId, OrderStatus.PLACED, currency, lines, totals, createdAt, createdAt, 1, null,
                List.of());
    }

    private Order next(OrderStatus nextStatus, Instant now, String reason, List<String> eventIds) {
        Instant updated = now.isBefore(updatedAt) ? updatedAt : now;
        return new Order(id, customerId, nextStatus, currency, lines, totals, createdAt, updated, version + 1,
                reason, eventIds);
    }

    private void checkInvariants() {
        if (lines.isEmpty() || lines.size() > MAX_LINES) {
            throw new IllegalArgumentException("an order has 1 to " + MAX_LINES + " lines, not " + lines.size());
        }
        if (new HashSet<>(lines.stream().map(OrderLine::sku).toList()).size() != lines.size()) {
            throw new IllegalArgumentException("an order has one line per SKU");
        }
        if (lines.stream().anyMatch(line -> !line.unitPrice().currency().equals(currency))
                || !totals.total().currency().equals(currency)) {
            throw new IllegalArgumentException("every amount of an order is in " + currency);
        }
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1, was " + version);
        }
        if (updatedAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("updatedAt must not be before createdAt");
        }
        if (cancellationReason != null
                && cancellationReason.codePointCount(0, cancellationReason.length()) > MAX_REASON_LENGTH) {
            throw new IllegalArgumentException("a cancellation reason has at most " + MAX_REASON_LENGTH + " characters");
        }
    }

    public OrderId id() {
        return id;
    }

    public CustomerId customerId() {
        return customerId;
    }

    public OrderStatus status() {
        return status;
    }

    public Currency currency() {
        return currency;
    }

    public List<OrderLine> lines() {
        return lines;
    }

    public Totals totals() {
        return totals;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }

    public Optional<String> cancellationReason() {
        return Optional.ofNullable(cancellationReason);
    }

    public List<String> appliedEventIds() {
        return appliedEventIds;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Order)) {
            return false;
        }
        Order that = (Order) other;
        return version == that.version && id.equals(that.id) && customerId.equals(that.customerId)
                && status == that.status && currency.equals(that.currency) && lines.equals(that.lines)
                && totals.equals(that.totals) && createdAt.equals(that.createdAt) && updatedAt.equals(that.updatedAt)
                && Objects.equals(cancellationReason, that.cancellationReason)
                && appliedEventIds.equals(that.appliedEventIds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, status, version);
    }

    @Override
    public String toString() {
        return "Order[" + id + ", " + status + ", version " + version + ", customer " + customerId + ", total "
                + totals.total() + "]";
    }
}
