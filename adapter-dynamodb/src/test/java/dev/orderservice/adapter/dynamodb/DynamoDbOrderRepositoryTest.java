package dev.orderservice.adapter.dynamodb;

import static dev.orderservice.adapter.dynamodb.TestOrders.FINGERPRINT;
import static dev.orderservice.adapter.dynamodb.TestOrders.NOON;
import static dev.orderservice.adapter.dynamodb.TestOrders.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderservice.core.domain.CustomerId;
import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.OrderException;
import dev.orderservice.core.domain.OrderId;
import dev.orderservice.core.port.out.CursorSigner;
import dev.orderservice.core.port.out.OrderPage;
import dev.orderservice.core.port.out.OrderRepository;
import dev.orderservice.core.port.out.OrderRepository.Placement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DynamoDbOrderRepositoryTest {

    @RegisterExtension
    static final DynamoDbTestServer dynamoDb = new DynamoDbTestServer();

    private static final CustomerId CUSTOMER = new CustomerId("cust-42");

    private DynamoDbStore store;
    private OrderRepository orders;

    @BeforeEach
    void openStore() {
        store = TestStores.open(dynamoDb.newTables(), new OperationCounter());
        orders = store.orderRepository();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void created_order_reads_back_equal() {
        Order order = anOrder().lines(5).build();

        Placement placement = orders.createIfAbsent(order, FINGERPRINT);

        assertThat(placement.created()).isTrue();
        assertThat(orders.findById(order.id())).contains(order);
        assertThat(orders.findPlacement(order.id())).contains(new Placement(order, FINGERPRINT, false));
    }

    @Test
    void create_with_taken_id_returns_stored_order() {
        OrderId id = OrderId.random();
        Order first = anOrder().id(id).lines(1).build();
        Order second = anOrder().id(id).lines(2).createdAt(NOON.plusSeconds(5)).build();
        orders.createIfAbsent(first, FINGERPRINT);

        Placement placement = orders.createIfAbsent(second, "b".repeat(64));

        assertThat(placement.created()).isFalse();
        assertThat(placement.order()).isEqualTo(first);
        assertThat(placement.requestFingerprint()).isEqualTo(FINGERPRINT);
        assertThat(orders.findById(id)).contains(first);
    }

    @Test
    void missing_order_is_empty() {
        assertThat(orders.findById(OrderId.random())).isEmpty();
        assertThat(orders.findPlacement(OrderId.random())).isEmpty();
    }

    @Test
    void update_at_expected_version_replaces_order() {
        Order placed = anOrder().build();
        orders.createIfAbsent(placed, FINGERPRINT);
        Order cancelled = placed.cancel("too slow", NOON.plusSeconds(30));

        orders.update(cancelled, 1);

        assertThat(orders.findById(placed.id())).contains(cancelled);
        assertThat(orders.findPlacement(placed.id()).orElseThrow().requestFingerprint()).isEqualTo(FINGERPRINT);
    }

    @Test
    void update_without_reason_removes_stored_reason() {
        Order placed = anOrder().build();
        orders.createIfAbsent(placed, FINGERPRINT);
        Order cancelled = placed.cancel("too slow", NOON.plusSeconds(30));
        orders.update(cancelled, 1);
        Order withoutReason = new Order(cancelled.id(), cancelled.customerId(), cancelled.status(),
                cancelled.currency(), cancelled.lines(), cancelled.totals(), cancelled.createdAt(),
                cancelled.updatedAt(), 3, null, List.of());

        orders.update(withoutReason, 2);

        assertThat(orders.findById(placed.id())).contains(withoutReason);
    }

    @Test
    void update_at_stale_version_is_refused() {
        Order placed = anOrder().build();
        orders.createIfAbsent(placed, FINGERPRINT);
        orders.update(placed.cancel("first", NOON.plusSeconds(1)), 1);

        assertThatThrownBy(() -> orders.update(placed.cancel("second", NOON.plusSeconds(2)), 1))
                .isInstanceOfSatisfying(OrderException.class, refusal -> {
                    assertThat(refusal.reason()).isEqualTo(OrderException.Reason.STALE_VERSION);
                    assertThat(refusal.getMessage()).contains("version 2, not 1");
                });
        assertThat(orders.findById(placed.id()).orElseThrow().cancellationReason()).contains("first");
    }

    @Test
    void update_of_missing_order_is_not_found() {
        Order neverStored = anOrder().build().cancel(null, NOON.plusSeconds(1));

        assertThatThrownBy(() -> orders.update(neverStored, 1))
                .isInstanceOfSatisfying(OrderException.class,
                        refusal -> assertThat(refusal.reason()).isEqualTo(OrderException.Reason.NOT_FOUND));
        assertThat(orders.findById(neverStored.id())).isEmpty();
    }

    @Test
    void list_pages_through_orders_newest_first() {
        List<Order> stored = storeOrders(CUSTOMER, 7);
        storeOrders(new CustomerId("someone-else"), 2);

        List<Order> listed = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            OrderPage page = orders.findByCustomer(CUSTOMER, 3, cursor);
            listed.addAll(page.orders());
            pageSizes.add(page.orders().size());
            cursor = page.nextCursor().orElse(null);
        } while (cursor != null);

        assertThat(pageSizes).containsExactly(3, 3, 1);
        assertThat(listed).containsExactlyElementsOf(newestFirst(stored));
    }

    @Test
    void full_last_page_has_no_cursor() {
        storeOrders(CUSTOMER, 4);

        OrderPage first = orders.findByCustomer(CUSTOMER, 2, null);
        OrderPage last = orders.findByCustomer(CUSTOMER, 2, first.nextCursor().orElseThrow());

        assertThat(last.orders()).hasSize(2);
        assertThat(last.nextCursor()).isEmpty();
    }

    @Test
    void same_instant_lists_by_id_descending() {
        List<Order> stored = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Order order = anOrder().customer(CUSTOMER.value()).createdAt(NOON).build();
            orders.createIfAbsent(order, FINGERPRINT);
            stored.add(order);
        }

        OrderPage page = orders.findByCustomer(CUSTOMER, 10, null);

        assertThat(page.orders()).containsExactlyElementsOf(newestFirst(stored));
    }

    @Test
    void unknown_customer_has_empty_list() {
        OrderPage page = orders.findByCustomer(new CustomerId("nobody"), 20, null);

        assertThat(page.orders()).isEmpty();
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    void cursor_of_another_customer_is_invalid() {
        storeOrders(CUSTOMER, 3);
        String cursor = orders.findByCustomer(CUSTOMER, 1, null).nextCursor().orElseThrow();

        assertInvalidCursor(new CustomerId("cust-43"), cursor);
    }

    @Test
    void altered_cursor_is_invalid() {
        storeOrders(CUSTOMER, 3);
        String cursor = orders.findByCustomer(CUSTOMER, 1, null).nextCursor().orElseThrow();
        char last = cursor.charAt(cursor.length() - 1);
        String altered = cursor.substring(0, cursor.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertInvalidCursor(CUSTOMER, altered);
        assertInvalidCursor(CUSTOMER, "not-a-cursor");
        assertInvalidCursor(CUSTOMER, "");
        assertInvalidCursor(CUSTOMER, "x".repeat(CursorSigner.MAX_CURSOR_LENGTH + 1));
    }

    @Test
    void signed_cursor_with_foreign_position_is_invalid() {
        CursorSigner signer = new CursorSigner(DynamoDbTestServer.CURSOR_SECRET.getBytes(StandardCharsets.UTF_8));

        assertInvalidCursor(CUSTOMER, signer.sign(CUSTOMER, "{\"orderId\":{\"S\":\"x\"}}"));
        assertInvalidCursor(CUSTOMER, signer.sign(CUSTOMER, "2026-12-04T12:00:00Z#not-an-id"));
    }

    @Test
    void cursor_signed_with_another_secret_is_invalid() {
        CursorSigner other = new CursorSigner("another-secret-of-enough-bytes".getBytes(StandardCharsets.UTF_8));
        String position = OrderItems.customerSortKey(NOON, OrderId.random());

        assertInvalidCursor(CUSTOMER, other.sign(CUSTOMER, position));
    }

    private void assertInvalidCursor(CustomerId customer, String cursor) {
        assertThatThrownBy(() -> orders.findByCustomer(customer, 5, cursor))
                .isInstanceOfSatisfying(OrderException.class, refusal -> {
                    assertThat(refusal.reason()).isEqualTo(OrderException.Reason.INVALID);
                    assertThat(refusal.violations()).extracting(OrderException.Violation::field)
                            .containsExactly("cursor");
                });
    }

    private List<Order> storeOrders(CustomerId customer, int count) {
        List<Order> stored = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Order order = anOrder().customer(customer.value()).createdAt(NOON.plusMillis(i * 1000L + i)).build();
            orders.createIfAbsent(order, FINGERPRINT);
            stored.add(order);
        }
        return stored;
    }

    private static List<Order> newestFirst(List<Order> stored) {
        return stored.stream()
                .sorted(Comparator.comparing(Order::createdAt).thenComparing(order -> order.id().value()).reversed())
                .toList();
    }
}
