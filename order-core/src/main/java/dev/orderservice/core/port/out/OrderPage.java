package dev.orderservice.core.port.out;

import dev.orderservice.core.domain.Order;
import java.util.List;
import java.util.Optional;

/** One page of a customer's orders and the opaque cursor of the next page, if there is one. */
public final class OrderPage {

    private final List<Order> orders;
    private final String nextCursor;

    /** @param nextCursor the cursor of the next page, or {@code null} on the last page */
    public OrderPage(List<Order> orders, String nextCursor) {
        this.orders = List.copyOf(orders);
        this.nextCursor = nextCursor;
    }

    public List<Order> orders() {
        return orders;
    }

    public Optional<String> nextCursor() {
        return Optional.ofNullable(nextCursor);
    }
}
