package dev.orderservice.core.port.out.contract;

import dev.orderservice.core.domain.CustomerId;
import dev.orderservice.core.domain.Money;
import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.OrderEvent;
import dev.orderservice.core.domain.OrderEventType;
import dev.orderservice.core.domain.OrderId;
import dev.orderservice.core.domain.OrderLine;
import dev.orderservice.core.domain.OrderStatus;
import dev.orderservice.core.domain.PricingPolicy;
import dev.orderservice.core.domain.Product;
import dev.orderservice.core.domain.Sku;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Builders of valid orders, lines and events for tests, shared with adapter tests through order-core's test-jar.
 *
 * <p>Every time is millisecond-precise, because the use cases truncate the clock to milliseconds before they
 * store an order, and a store need not keep more.
 */
public final class TestOrders {

    public static final Currency USD = Currency.getInstance("USD");
    public static final Currency JPY = Currency.getInstance("JPY");

    /** The creation time of orders built without one. */
    public static final Instant CREATED_AT = Instant.parse("2026-12-04T19:00:00.123Z");

    private TestOrders() {
    }

    /** Starts an order of a fresh random id for customer {@code cust-42}, placed in USD at {@link #CREATED_AT}. */
    public static Builder anOrder() {
        return new Builder();
    }

    /** Returns a customer id that no other test uses, so tests can share one store. */
    public static CustomerId uniqueCustomer() {
        return new CustomerId("cust-" + UUID.randomUUID());
    }

    /** Returns the demo pricing rules in any currency: 8.25 % tax, shipping 5, free shipping from 75. */
    public static PricingPolicy pricingIn(Currency currency) {
        return new PricingPolicy(new BigDecimal("0.0825"), Money.parse("5", currency), Money.parse("75", currency));
    }

    public static OrderLine line(String sku, String name, int quantity, String unitPrice, Currency currency) {
        return new OrderLine(new Sku(sku), name, quantity, Money.parse(unitPrice, currency));
    }

    public static Product product(String sku, String name, String unitPrice, Currency currency, boolean available) {
        return new Product(new Sku(sku), name, Money.parse(unitPrice, currency), available);
    }

    /**
     * Returns {@code count} USD lines whose names have the maximum product name length and characters outside
     * ASCII, to test that a store keeps large orders and multi-byte text intact.
     */
    public static List<OrderLine> longLines(int count) {
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = ("Größe " + i + " – 折りたたみ傘 – ").repeat(20).substring(0, Product.MAX_NAME_LENGTH);
            lines.add(line("SKU-LONG-" + i, name, OrderLine.MAX_QUANTITY - i, "149.99", USD));
        }
        return lines;
    }

    /** Returns an event of a fresh random id for the order, occurring at {@link #CREATED_AT}. */
    public static OrderEvent eventFor(Order order, OrderEventType type) {
        return new OrderEvent("evt-" + UUID.randomUUID(), type, order.id(), CREATED_AT);
    }

    /** Builds an order by placing it and then moving it through its life cycle, one second per step. */
    public static final class Builder {

        private OrderId id = OrderId.random();
        private CustomerId customerId = new CustomerId("cust-42");
        private Currency currency = USD;
        private List<OrderLine> lines;
        private Instant createdAt = CREATED_AT;
        private OrderStatus status = OrderStatus.PLACED;

        private Builder() {
        }

        public Builder id(OrderId id) {
            this.id = Objects.requireNonNull(id);
            return this;
        }

        public Builder customer(CustomerId customerId) {
            this.customerId = Objects.requireNonNull(customerId);
            return this;
        }

        /** Sets the currency. Unless {@link #lines} sets other lines, the default lines are priced in it. */
        public Builder currency(Currency currency) {
            this.currency = Objects.requireNonNull(currency);
            return this;
        }

        /** Sets the lines, which must be priced in the order's currency. */
        public Builder lines(List<OrderLine> lines) {
            this.lines = List.copyOf(lines);
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = Objects.requireNonNull(createdAt);
            return this;
        }

        /**
         * Sets the status to reach through the events and cancel that the domain allows. A paid order is at
         * version 2, a shipped one at 3, a delivered one at 4, and a cancelled one at 2, cancelled when placed.
         */
        public Builder status(OrderStatus status) {
            this.status = Objects.requireNonNull(status);
            return this;
        }

        public Order build() {
            Order order = Order.place(id, customerId, lines == null ? defaultLines() : lines, pricingIn(currency),
                    createdAt);
            return moveTo(order);
        }

        private List<OrderLine> defaultLines() {
            if (Money.minorUnitDigits(currency) == 0) {
                return List.of(line("SKU-TEA-01", "Green Tea", 2, "1500", currency),
                        line("SKU-CUP-01", "Tea Cup", 1, "980", currency));
            }
            return List.of(line("SKU-TSHIRT-M", "Cotton T-Shirt (M)", 2, "19.99", currency),
                    line("SKU-MUG-01", "Ceramic Mug", 1, "12.50", currency));
        }

        private Order moveTo(Order placed) {
            if (status == OrderStatus.CANCELLED) {
                return placed.cancel("changed my mind", createdAt.plus(Duration.ofSeconds(1)));
            }
            List<OrderEventType> steps = List.of(OrderEventType.PAYMENT_CAPTURED, OrderEventType.ORDER_SHIPPED,
                    OrderEventType.ORDER_DELIVERED);
            Order order = placed;
            for (int step = 0; order.status() != status; step++) {
                order = order.apply(eventFor(order, steps.get(step)), createdAt.plus(Duration.ofSeconds(step + 1)));
            }
            return order;
        }
    }
}
