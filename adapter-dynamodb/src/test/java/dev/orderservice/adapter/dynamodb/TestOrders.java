package dev.orderservice.adapter.dynamodb;

import dev.orderservice.core.domain.CustomerId;
import dev.orderservice.core.domain.Money;
import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.OrderId;
import dev.orderservice.core.domain.OrderLine;
import dev.orderservice.core.domain.PricingPolicy;
import dev.orderservice.core.domain.Product;
import dev.orderservice.core.domain.Sku;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** Builds orders and products for this module's tests, with defaults for whatever a test does not set. */
final class TestOrders {

    static final Currency USD = Currency.getInstance("USD");
    static final Instant NOON = Instant.parse("2026-12-04T12:00:00Z");
    static final String FINGERPRINT = "a".repeat(64);

    private OrderId id = OrderId.random();
    private CustomerId customerId = new CustomerId("cust-42");
    private Instant createdAt = NOON;
    private int lineCount = 2;
    private String name = "Cotton T-Shirt (M)";

    private TestOrders() {
    }

    static TestOrders anOrder() {
        return new TestOrders();
    }

    static Product product(String sku, String unitPrice) {
        return new Product(new Sku(sku), "Product " + sku, Money.parse(unitPrice, USD), true);
    }

    TestOrders id(OrderId value) {
        id = value;
        return this;
    }

    TestOrders customer(String value) {
        customerId = new CustomerId(value);
        return this;
    }

    TestOrders createdAt(Instant value) {
        createdAt = value;
        return this;
    }

    TestOrders lines(int count) {
        lineCount = count;
        return this;
    }

    /** Gives every line this product name, such as one of the 200 characters a name may have. */
    TestOrders lineName(String value) {
        name = value;
        return this;
    }

    Order build() {
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < lineCount; i++) {
            String price = (i % 7 + 1) + "." + (10 + i % 90);
            lines.add(new OrderLine(new Sku(String.format("SKU-%03d", i)), name, i % 1000 + 1,
                    Money.parse(price, USD)));
        }
        return Order.place(id, customerId, lines, PricingPolicy.demo(), createdAt);
    }
}
