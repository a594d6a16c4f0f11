package dev.orderservice.adapter.dynamodb;

import static dev.orderservice.adapter.dynamodb.UseCases.mugsAndShirt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderservice.adapter.dynamodb.FaultyDynamoDbServer.Reply;
import dev.orderservice.core.domain.CustomerId;
import dev.orderservice.core.domain.IdempotencyKey;
import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.OrderException;
import dev.orderservice.core.domain.OrderId;
import dev.orderservice.core.domain.OrderStatus;
import dev.orderservice.core.port.in.CancelOrderCommand;
import dev.orderservice.core.port.in.ListOrdersQuery;
import dev.orderservice.core.port.in.PlaceOrderUseCase.PlacedOrder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Failures of the store, made by a test server in front of dynalite. Each use case that fails with
 * {@code UNAVAILABLE} leaves dynalite as it was, and a retry of the same placement then succeeds.
 */
class StoreFaultTest {

    @RegisterExtension
    static final DynamoDbTestServer dynamoDb = new DynamoDbTestServer();

    private static final String CUSTOMER = "cust-faults";
    private static final String KEY = "key-1";
    private static final OrderId KEYED_ORDER_ID = OrderId.forIdempotencyKey(new CustomerId(CUSTOMER),
            new IdempotencyKey(KEY));

    private DynamoDbSettings settings;
    private DynamoDbStore direct;
    private FaultyDynamoDbServer faulty;
    private DynamoDbStore throughFaulty;
    private UseCases useCases;

    @BeforeEach
    void startServers() {
        settings = dynamoDb.newTables();
        direct = DynamoDbStore.create(settings);
        direct.tables().loadProductsIfEmpty(UseCases.CATALOG);
        faulty = FaultyDynamoDbServer.start(dynamoDb.endpoint());
        throughFaulty = DynamoDbStore.create(at(faulty.endpoint()));
        useCases = UseCases.over(throughFaulty);
    }

    @AfterEach
    void stopServers() {
        throughFaulty.close();
        faulty.close();
        direct.close();
    }

    @Test
    void closed_port_fails_fast_as_unavailable() {
        try (DynamoDbStore unreachable = DynamoDbStore.create(at(closedPort()))) {
            UseCases down = UseCases.over(unreachable);
            long start = System.nanoTime();

            assertUnavailable(() -> down.place().place(mugsAndShirt(CUSTOMER, KEY)));
            assertUnavailable(() -> down.get().get(KEYED_ORDER_ID));
            assertUnavailable(() -> down.list().list(new ListOrdersQuery(new CustomerId(CUSTOMER), 20, null)));

            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            System.out.println("three calls to a closed port failed in " + elapsed.toMillis() + " ms");
            assertThat(elapsed).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void endpoint_lost_after_catalog_read_stores_nothing() {
        useCases.place().place(mugsAndShirt(CUSTOMER, "warm-the-catalog-cache"));

        faulty.close();

        assertUnavailable(() -> useCases.place().place(mugsAndShirt(CUSTOMER, KEY)));
        assertThat(direct.orderRepository().findById(KEYED_ORDER_ID)).isEmpty();
    }

    @Test
    void throttled_placement_stores_nothing() {
        faulty.always("PutItem", Reply.throttling());
        // A first call loads the SDK's classes, so the time below is mostly the retries' backoff.
        useCases.list().list(new ListOrdersQuery(new CustomerId(CUSTOMER), 1, null));
        long start = System.nanoTime();

        assertUnavailable(() -> useCases.place().place(mugsAndShirt(CUSTOMER, KEY)));

        long elapsedMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        System.out.println("a throttled PutItem was sent " + count("PutItem") + " times, and the placement failed"
                + " after " + elapsedMillis + " ms");
        assertThat(count("PutItem")).as("attempts, the SDK's retries included").isGreaterThan(1);
        assertThat(direct.orderRepository().findById(KEYED_ORDER_ID)).isEmpty();
    }

    @Test
    void retry_after_throttling_places_the_order() {
        faulty.always("PutItem", Reply.throttling());
        assertUnavailable(() -> useCases.place().place(mugsAndShirt(CUSTOMER, KEY)));
        faulty.forwardAll();

        PlacedOrder placed = useCases.place().place(mugsAndShirt(CUSTOMER, KEY));

        assertThat(placed.replayed()).isFalse();
        assertThat(placed.order().id()).isEqualTo(KEYED_ORDER_ID);
        assertThat(direct.orderRepository().findById(KEYED_ORDER_ID)).contains(placed.order());
    }

    @Test
    void throttled_catalog_read_stores_nothing() {
        faulty.always("BatchGetItem", Reply.error(400, "ProvisionedThroughputExceededException",
                "The level of configured provisioned throughput for the table was exceeded."));

        assertUnavailable(() -> useCases.place().place(mugsAndShirt(CUSTOMER, KEY)));

        assertThat(faulty.received()).doesNotContain("PutItem");
        assertThat(direct.orderRepository().findById(KEYED_ORDER_ID)).isEmpty();
    }

    @Test
    void throttled_cancel_changes_nothing() {
        Order placed = useCases.place().place(mugsAndShirt(CUSTOMER, KEY)).order();
        faulty.always("UpdateItem", Reply.error(400, "RequestLimitExceeded",
                "Throughput exceeds the current throughput limit for your account."));

        assertUnavailable(() -> useCases.cancel().cancel(new CancelOrderCommand(placed.id(), "too slow", null)));

        Order stored = direct.orderRepository().findById(placed.id()).orElseThrow();
        assertThat(stored).isEqualTo(placed);
        assertThat(stored.status()).isEqualTo(OrderStatus.PLACED);
    }

    @Test
    void server_error_is_unavailable() {
        faulty.always("GetItem", Reply.error(500, "InternalServerError", "Internal server error"));

        assertUnavailable(() -> useCases.get().get(KEYED_ORDER_ID));
    }

    @Test
    void unprocessed_keys_are_read_again() {
        faulty.script("BatchGetItem", onlyFirstTime(Reply::nothingProcessed));

        PlacedOrder placed = useCases.place().place(mugsAndShirt(CUSTOMER, KEY));

        assertThat(placed.order().lines()).hasSize(2);
        assertThat(count("BatchGetItem")).isEqualTo(2);
    }

    @Test
    void keys_never_processed_end_unavailable() {
        faulty.script("BatchGetItem", body -> Optional.of(Reply.nothingProcessed(body)));

        assertUnavailable(() -> useCases.place().place(mugsAndShirt(CUSTOMER, KEY)));

        assertThat(count("BatchGetItem")).isEqualTo(BatchBackoff.MAX_ROUNDS);
        assertThat(faulty.received()).doesNotContain("PutItem");
    }

    private static Function<String, Optional<Reply>> onlyFirstTime(Function<String, Reply> reply) {
        boolean[] used = {false};
        return body -> {
            if (used[0]) {
                return Optional.empty();
            }
            used[0] = true;
            return Optional.of(reply.apply(body));
        };
    }

    private long count(String operation) {
        return faulty.received().stream().filter(operation::equals).count();
    }

    private DynamoDbSettings at(URI endpoint) {
        return new DynamoDbSettings(settings.ordersTable(), settings.productsTable(), endpoint, settings.region(),
                settings.cursorSecret());
    }

    private static void assertUnavailable(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OrderException.class,
                failure -> assertThat(failure.reason()).isEqualTo(OrderException.Reason.UNAVAILABLE));
    }

    /** Returns a port of 127.0.0.1 that was free a moment ago, so nothing listens on it. */
    private static URI closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        } catch (IOException failure) {
            throw new IllegalStateException("no free port on 127.0.0.1", failure);
        }
    }
}
