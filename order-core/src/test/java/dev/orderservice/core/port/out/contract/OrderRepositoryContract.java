package dev.orderservice.core.port.out.contract;

import static dev.orderservice.core.port.out.contract.TestOrders.JPY;
import static dev.orderservice.core.port.out.contract.TestOrders.USD;
import static dev.orderservice.core.port.out.contract.TestOrders.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.orderservice.core.domain.CustomerId;
import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.OrderEventType;
import dev.orderservice.core.domain.OrderException;
import dev.orderservice.core.domain.OrderException.Reason;
import dev.orderservice.core.domain.OrderException.Violation;
import dev.orderservice.core.domain.OrderId;
import dev.orderservice.core.domain.OrderLine;
import dev.orderservice.core.domain.OrderStatus;
import dev.orderservice.core.port.out.OrderPage;
import dev.orderservice.core.port.out.OrderRepository;
import dev.orderservice.core.port.out.OrderRepository.Placement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour that every {@link OrderRepository} must show, as tests. An adapter's test class extends this one
 * and implements {@link #newRepository()}, and JUnit runs every test here against that adapter.
 *
 * <p>The store need not be empty before a test. Every test uses a customer id of its own and random order ids, so
 * one table can serve the whole suite, and tests may run against a store that earlier tests wrote to. Orders carry
 * millisecond-precise times, as the use cases store them.
 */
public abstract class OrderRepositoryContract {

    private static final String FINGERPRINT = "fingerprint-of-the-first-request";

    /** The repository under test, from {@link #newRepository()} before each test. */
    protected OrderRepository repository;

    /** A customer id that no other test uses. */
    protected CustomerId customer;

    /**
     * Returns the repository under test. It is called once before each test, and may return the same repository
     * or a new one over a store that earlier tests wrote to.
     */
    protected abstract OrderRepository newRepository();

    /** Returns how long the concurrency tests wait for all their threads. A remote store may need longer. */
    protected Duration concurrencyTimeout() {
        return Duration.ofSeconds(30);
    }

    @BeforeEach
    void createRepository() {
        repository = newRepository();
        customer = TestOrders.uniqueCustomer();
    }

    @Test
    void find_returns_the_created_order() {
        Order order = anOrder().customer(customer).build();

        repository.createIfAbsent(order, FINGERPRINT);

        assertThat(repository.findById(order.id())).contains(order);
    }

    @Test
    void find_of_an_unknown_id_is_empty() {
        assertThat(repository.findById(OrderId.random())).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"USD, 2", "JPY, 0"})
    void money_keeps_the_scale_of_its_currency(String currencyCode, int scale) {
        Order order = anOrder().customer(customer).currency(Currency.getInstance(currencyCode)).build();

        repository.createIfAbsent(order, FINGERPRINT);
        Order found = repository.findById(order.id()).orElseThrow();

        assertThat(found).isEqualTo(order);
        assertThat(found.totals().total().toPlainString()).isEqualTo(order.totals().total().toPlainString());
        assertThat(found.lines().get(0).unitPrice().amount().scale()).isEqualTo(scale);
        assertThat(found.totals().tax().amount().scale()).isEqualTo(scale);
    }

    @Test
    void zero_amounts_keep_their_scale() {
        Order freeShipping = anOrder().customer(customer)
                .lines(List.of(TestOrders.line("SKU-HEADPHONES", "Wireless Headphones", 1, "149.00", USD)))
                .build();

        repository.createIfAbsent(freeShipping, FINGERPRINT);

        Order found = repository.findById(freeShipping.id()).orElseThrow();
        assertThat(found.totals().shipping().toPlainString()).isEqualTo("0.00");
        assertThat(found).isEqualTo(freeShipping);
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void every_status_round_trips(OrderStatus status) {
        Order order = anOrder().customer(customer).status(status).build();

        repository.createIfAbsent(order, FINGERPRINT);

        assertThat(repository.findById(order.id())).contains(order);
    }

    @Test
    void fifty_lines_with_long_names_round_trip() {
        Order large = anOrder().customer(customer).lines(TestOrders.longLines(Order.MAX_LINES)).build();

        repository.createIfAbsent(large, FINGERPRINT);

        Order found = repository.findById(large.id()).orElseThrow();
        assertThat(found.lines()).hasSize(Order.MAX_LINES);
        assertThat(found).isEqualTo(large);
    }

    @Test
    void create_if_absent_creates_a_new_order() {
        Order order = anOrder().customer(customer).build();

        Placement placement = repository.createIfAbsent(order, FINGERPRINT);

        assertThat(placement.created()).isTrue();
        assertThat(placement.order()).isEqualTo(order);
        assertThat(placement.requestFingerprint()).isEqualTo(FINGERPRINT);
    }

    @Test
    void create_if_absent_twice_returns_the_first_order() {
        Order first = anOrder().customer(customer).build();
        Order second = anOrder().id(first.id()).customer(customer).currency(JPY).build();
        repository.createIfAbsent(first, FINGERPRINT);

        Placement placement = repository.createIfAbsent(second, "fingerprint-of-another-request");

        assertThat(placement.created()).isFalse();
        assertThat(placement.order()).isEqualTo(first);
        assertThat(placement.requestFingerprint()).isEqualTo(FINGERPRINT);
        assertThat(repository.findById(first.id())).contains(first);
    }

    @Test
    void create_after_update_returns_current_order() {
        Order placed = anOrder().customer(customer).build();
        repository.createIfAbsent(placed, FINGERPRINT);
        Order paid = placed.apply(TestOrders.eventFor(placed, OrderEventType.PAYMENT_CAPTURED), Instant.now());
        repository.update(paid, placed.version());

        Placement placement = repository.createIfAbsent(placed, FINGERPRINT);

        assertThat(placement.created()).isFalse();
        assertThat(placement.order()).isEqualTo(paid);
    }

    @Test
    void find_placement_returns_the_order_and_its_fingerprint() {
        Order order = anOrder().customer(customer).build();
        repository.createIfAbsent(order, FINGERPRINT);

        Optional<Placement> placement = repository.findPlacement(order.id());

        assertThat(placement).isPresent();
        assertThat(placement.get().order()).isEqualTo(order);
        assertThat(placement.get().requestFingerprint()).isEqualTo(FINGERPRINT);
        assertThat(placement.get().created()).isFalse();
    }

    @Test
    void find_placement_of_an_unknown_id_is_empty() {
        assertThat(repository.findPlacement(OrderId.random())).isEmpty();
    }

    @Test
    void update_keeps_the_fingerprint_of_the_placement() {
        Order placed = anOrder().customer(customer).build();
        repository.createIfAbsent(placed, FINGERPRINT);
        Order cancelled = placed.cancel("changed my mind", Instant.now());

        repository.update(cancelled, placed.version());

        Placement placement = repository.findPlacement(placed.id()).orElseThrow();
        assertThat(placement.order()).isEqualTo(cancelled);
        assertThat(placement.requestFingerprint()).isEqualTo(FINGERPRINT);
    }

    @Test
    void update_with_the_stored_version_stores_the_order() {
        Order placed = anOrder().customer(customer).build();
        repository.createIfAbsent(placed, FINGERPRINT);
        Order paid = placed.apply(TestOrders.eventFor(placed, OrderEventType.PAYMENT_CAPTURED), Instant.now());

        repository.update(paid, placed.version());

        assertThat(repository.findById(placed.id())).contains(paid);
    }

    @Test
    void update_with_a_stale_version_stores_nothing() {
        Order placed = anOrder().customer(customer).build();
        repository.createIfAbsent(placed, FINGERPRINT);
        Order paid = placed.apply(TestOrders.eventFor(placed, OrderEventType.PAYMENT_CAPTURED), Instant.now());
        repository.update(paid, placed.version());
        Order cancelled = placed.cancel("too late", Instant.now());

        OrderException thrown = catchThrowableOfType(() -> repository.update(cancelled, placed.version()),
                OrderException.class);

        assertThat(thrown).isNotNull();
        assertThat(thrown.reason()).isEqualTo(Reason.STALE_VERSION);
        assertThat(repository.findById(placed.id())).contains(paid);
    }

    @Test
    void update_of_a_missing_order_is_not_found() {
        Order placed = anOrder().customer(customer).build();
        Order cancelled = placed.cancel(null, Instant.now());

        OrderException thrown = catchThrowableOfType(() -> repository.update(cancelled, placed.version()),
                OrderException.class);

        assertThat(thrown).isNotNull();
        assertThat(thrown.reason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(repository.findById(placed.id())).isEmpty();
    }

    @Test
    void stored_order_ignores_caller_list_changes() {
        Order template = anOrder().customer(customer).build();
        List<OrderLine> callersLines = new ArrayList<>(template.lines());
        Order order = new Order(template.id(), customer, template.status(), template.currency(), callersLines,
                template.totals(), template.createdAt(), template.updatedAt(), template.version(), null,
                new ArrayList<>());
        repository.createIfAbsent(order, FINGERPRINT);

        callersLines.clear();

        assertThat(repository.findById(order.id())).contains(template);
    }

    @Test
    void returned_orders_cannot_change_the_stored_one() {
        Order order = anOrder().customer(customer).status(OrderStatus.PAID).build();
        repository.createIfAbsent(order, FINGERPRINT);
        Order found = repository.findById(order.id()).orElseThrow();
        OrderPage page = repository.findByCustomer(customer, 10, null);

        tryToClear(found.lines());
        tryToClear(found.appliedEventIds());
        tryToClear(page.orders());

        assertThat(repository.findById(order.id())).contains(order);
        assertThat(repository.findByCustomer(customer, 10, null).orders()).containsExactly(order);
    }

    @Test
    void find_by_customer_returns_newest_first() {
        Order oldest = createAt(TestOrders.CREATED_AT);
        Order newest = createAt(TestOrders.CREATED_AT.plusSeconds(120));
        Order middle = createAt(TestOrders.CREATED_AT.plusSeconds(60));

        OrderPage page = repository.findByCustomer(customer, 10, null);

        assertThat(page.orders()).containsExactly(newest, middle, oldest);
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    void find_by_customer_orders_ties_by_id_descending() {
        List<Order> sameTime = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sameTime.add(createAt(TestOrders.CREATED_AT));
        }

        OrderPage page = repository.findByCustomer(customer, 10, null);

        assertThat(page.orders()).containsExactlyElementsOf(newestFirst(sameTime));
    }

    @Test
    void find_by_customer_pages_through_every_order_once() {
        List<Order> created = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            // Pairs of orders share a creation time, so ties straddle the page boundaries.
            created.add(createAt(TestOrders.CREATED_AT.plusMillis(i / 2)));
        }

        List<OrderPage> pages = readAllPages(customer, 4);

        assertThat(pages).hasSize(3);
        assertThat(pages.get(0).orders()).hasSize(4);
        assertThat(pages.get(1).orders()).hasSize(4);
        assertThat(pages.get(2).orders()).hasSize(3);
        assertThat(pages.get(2).nextCursor()).isEmpty();
        assertThat(pages.stream().flatMap(page -> page.orders().stream()))
                .containsExactlyElementsOf(newestFirst(created));
    }

    @Test
    void find_by_customer_respects_the_limit() {
        for (int i = 0; i < 3; i++) {
            createAt(TestOrders.CREATED_AT.plusSeconds(i));
        }

        OrderPage page = repository.findByCustomer(customer, 1, null);

        assertThat(page.orders()).hasSize(1);
        assertThat(page.nextCursor()).isPresent();
    }

    @Test
    void find_by_customer_gives_a_full_last_page_no_cursor() {
        List<Order> created = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            created.add(createAt(TestOrders.CREATED_AT.plusSeconds(i)));
        }

        OrderPage first = repository.findByCustomer(customer, 2, null);
        OrderPage last = repository.findByCustomer(customer, 2, first.nextCursor().orElseThrow());

        assertThat(last.orders()).containsExactlyElementsOf(newestFirst(created).subList(2, 4));
        assertThat(last.nextCursor()).isEmpty();
    }

    @Test
    void find_by_customer_reads_up_to_the_maximum_limit() {
        List<Order> created = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            created.add(createAt(TestOrders.CREATED_AT.plusMillis(i)));
        }

        OrderPage page = repository.findByCustomer(customer, 100, null);

        assertThat(page.orders()).containsExactlyElementsOf(newestFirst(created));
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    void find_by_customer_of_a_customer_without_orders_is_empty() {
        OrderPage page = repository.findByCustomer(customer, 20, null);

        assertThat(page.orders()).isEmpty();
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    void find_by_customer_leaves_out_other_customers() {
        CustomerId other = TestOrders.uniqueCustomer();
        Order mine = createAt(TestOrders.CREATED_AT);
        Order theirs = anOrder().customer(other).createdAt(TestOrders.CREATED_AT).build();
        repository.createIfAbsent(theirs, FINGERPRINT);

        OrderPage myPage = repository.findByCustomer(customer, 20, null);
        OrderPage theirPage = repository.findByCustomer(other, 20, null);

        assertThat(myPage.orders()).containsExactly(mine);
        assertThat(theirPage.orders()).containsExactly(theirs);
    }

    @Test
    void find_by_customer_returns_the_current_version() {
        Order placed = createAt(TestOrders.CREATED_AT);
        Order cancelled = placed.cancel("changed my mind", TestOrders.CREATED_AT.plusSeconds(5));
        repository.update(cancelled, placed.version());

        OrderPage page = repository.findByCustomer(customer, 20, null);

        assertThat(page.orders()).containsExactly(cancelled);
    }

    @Test
    void altered_cursor_is_invalid() {
        String cursor = cursorAfterFirstOrder();

        for (int i = 0; i < cursor.length(); i++) {
            char replacement = cursor.charAt(i) == 'A' ? 'B' : 'A';
            String altered = cursor.substring(0, i) + replacement + cursor.substring(i + 1);

            assertInvalidCursor(customer, altered);
        }
        assertInvalidCursor(customer, cursor.substring(0, cursor.length() - 1));
        assertInvalidCursor(customer, cursor + "A");
    }

    @Test
    void cursor_of_another_customer_is_invalid() {
        String cursor = cursorAfterFirstOrder();
        CustomerId other = TestOrders.uniqueCustomer();
        repository.createIfAbsent(anOrder().customer(other).build(), FINGERPRINT);

        assertInvalidCursor(other, cursor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", ".", "a.b.c", "!!!.???", "eyJ0cyI6MX0", "0", "null", " ", "ü.ü"})
    void garbage_cursor_is_invalid(String garbage) {
        createAt(TestOrders.CREATED_AT);

        assertInvalidCursor(customer, garbage);
    }

    @Test
    void over_long_cursor_is_invalid() {
        String cursor = cursorAfterFirstOrder();

        assertInvalidCursor(customer, cursor + ".".repeat(100_000));
    }

    @Test
    void concurrent_creates_with_one_id_create_one_order() throws Exception {
        OrderId id = OrderId.random();
        int threads = 32;

        List<Placement> placements = runConcurrently(threads, n -> () -> repository.createIfAbsent(
                anOrder().id(id).customer(customer).createdAt(TestOrders.CREATED_AT.plusMillis(n)).build(),
                "fingerprint-" + n));

        List<Placement> winners = placements.stream().filter(Placement::created).toList();
        assertThat(winners).hasSize(1);
        Placement winner = winners.get(0);
        assertThat(placements).allSatisfy(placement -> {
            assertThat(placement.order()).isEqualTo(winner.order());
            assertThat(placement.requestFingerprint()).isEqualTo(winner.requestFingerprint());
        });
        assertThat(repository.findById(id)).contains(winner.order());
        assertThat(repository.findByCustomer(customer, 100, null).orders()).containsExactly(winner.order());
    }

    @Test
    void concurrent_updates_from_one_version_let_one_win() throws Exception {
        Order placed = createAt(TestOrders.CREATED_AT);
        int threads = 8;

        List<Optional<Order>> written = runConcurrently(threads, n -> () -> {
            Order cancelled = placed.cancel("request " + n, TestOrders.CREATED_AT.plusSeconds(1));
            try {
                repository.update(cancelled, placed.version());
                return Optional.of(cancelled);
            } catch (OrderException refused) {
                assertThat(refused.reason()).isEqualTo(Reason.STALE_VERSION);
                return Optional.empty();
            }
        });

        List<Order> winners = written.stream().flatMap(Optional::stream).toList();
        assertThat(winners).hasSize(1);
        assertThat(repository.findById(placed.id())).contains(winners.get(0));
    }

    private Order createAt(Instant createdAt) {
        Order order = anOrder().customer(customer).createdAt(createdAt).build();
        repository.createIfAbsent(order, FINGERPRINT);
        return order;
    }

    private String cursorAfterFirstOrder() {
        createAt(TestOrders.CREATED_AT);
        createAt(TestOrders.CREATED_AT.plusSeconds(1));
        return repository.findByCustomer(customer, 1, null).nextCursor().orElseThrow();
    }

    private List<OrderPage> readAllPages(CustomerId customerId, int limit) {
        List<OrderPage> pages = new ArrayList<>();
        String cursor = null;
        do {
            OrderPage page = repository.findByCustomer(customerId, limit, cursor);
            assertThat(page.orders()).hasSizeLessThanOrEqualTo(limit);
            pages.add(page);
            cursor = page.nextCursor().orElse(null);
        } while (cursor != null && pages.size() <= 100);
        return pages;
    }

    private void assertInvalidCursor(CustomerId customerId, String cursor) {
        assertThatThrownBy(() -> repository.findByCustomer(customerId, 20, cursor))
                .as("cursor %s", cursor)
                .isInstanceOfSatisfying(OrderException.class, thrown -> {
                    assertThat(thrown.reason()).isEqualTo(Reason.INVALID);
                    assertThat(thrown.violations()).extracting(Violation::field).containsExactly("cursor");
                });
    }

    /** Runs one task per thread, all released at once, and returns their results in thread order. */
    private <T> List<T> runConcurrently(int threads, IntFunction<Callable<T>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int n = 0; n < threads; n++) {
                Callable<T> work = task.apply(n);
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.call();
                }));
            }
            start.countDown();

            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(concurrencyTimeout().toMillis(), TimeUnit.MILLISECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Order> newestFirst(List<Order> orders) {
        Comparator<Order> byCreation = Comparator.comparing(Order::createdAt);
        return orders.stream()
                .sorted(byCreation.thenComparing(order -> order.id().value()).reversed())
                .toList();
    }

    /** Clears a returned list if it can be cleared; the test then checks that the store did not change. */
    private static void tryToClear(List<?> returned) {
        try {
            returned.clear();
        } catch (UnsupportedOperationException unmodifiable) {
            // An unmodifiable list is expected.
        }
    }
}
