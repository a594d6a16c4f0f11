package dev.orderservice.adapter.dynamodb;

import static dev.orderservice.adapter.dynamodb.UseCases.mugsAndShirt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderservice.adapter.dynamodb.FaultyDynamoDbServer.Reply;
import dev.orderservice.core.domain.CustomerId;
import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.OrderEvent;
import dev.orderservice.core.domain.OrderEventType;
import dev.orderservice.core.domain.OrderStatus;
import dev.orderservice.core.port.in.CancelOrderCommand;
import dev.orderservice.core.port.in.ListOrdersQuery;
import dev.orderservice.core.port.in.PlaceOrderUseCase.PlacedOrder;
import dev.orderservice.core.port.out.OrderPage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * The DynamoDB calls that each use case costs, counted by an SDK interceptor around the core's own services.
 * Each count is the number of API calls, so a retry by the SDK would not show here.
 */
class RoundTripBudgetTest {

    @RegisterExtension
    static final DynamoDbTestServer dynamoDb = new DynamoDbTestServer();

    private static final String CUSTOMER = "cust-budget";

    private final OperationCounter counter = new OperationCounter();
    private DynamoDbSettings settings;
    private DynamoDbStore store;
    private UseCases useCases;

    @BeforeEach
    void openStore() {
        settings = dynamoDb.newTables();
        // The catalog is loaded through another store, so the counted store starts with a cold cache.
        try (DynamoDbStore loader = DynamoDbStore.create(settings)) {
            loader.tables().loadProductsIfEmpty(UseCases.CATALOG);
        }
        store = TestStores.open(settings, counter);
        useCases = UseCases.over(store);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void cold_place_is_batch_get_and_put() {
        useCases.place().place(mugsAndShirt(CUSTOMER, null));

        assertCalls("place, cold catalog cache", "BatchGetItem", "PutItem");
    }

    @Test
    void warm_place_is_one_put() {
        useCases.place().place(mugsAndShirt(CUSTOMER, null));
        counter.reset();

        useCases.place().place(mugsAndShirt(CUSTOMER, null));

        assertCalls("place, warm catalog cache", "PutItem");
    }

    /**
     * dynalite 4.0.0 ignores {@code ReturnValuesOnConditionCheckFailure}, so the failed create returns no item and
     * the repository reads the order once. DynamoDB returns the item with the failure, which the next test shows.
     */
    @Test
    void replay_on_dynalite_is_put_and_get() {
        useCases.place().place(mugsAndShirt(CUSTOMER, "key-1"));
        counter.reset();

        PlacedOrder replay = useCases.place().place(mugsAndShirt(CUSTOMER, "key-1"));

        assertThat(replay.replayed()).isTrue();
        assertCalls("replay on dynalite", "PutItem", "GetItem");
    }

    @Test
    void replay_with_old_item_returned_is_one_put() {
        try (FaultyDynamoDbServer faulty = FaultyDynamoDbServer.start(dynamoDb.endpoint());
                DynamoDbStore throughFaulty = TestStores.open(at(faulty), counter)) {
            UseCases viaFaulty = UseCases.over(throughFaulty);
            faulty.script("PutItem", returnOldItemOnConflict());
            viaFaulty.place().place(mugsAndShirt(CUSTOMER, "key-1"));
            counter.reset();

            PlacedOrder replay = viaFaulty.place().place(mugsAndShirt(CUSTOMER, "key-1"));

            assertThat(replay.replayed()).isTrue();
            assertCalls("replay on an engine that returns the old item", "PutItem");
        }
    }

    @Test
    void get_is_one_get_item() {
        Order placed = useCases.place().place(mugsAndShirt(CUSTOMER, null)).order();
        counter.reset();

        useCases.get().get(placed.id());

        assertCalls("get", "GetItem");
    }

    @Test
    void list_page_is_one_query() {
        for (int i = 0; i < 3; i++) {
            useCases.place().place(mugsAndShirt(CUSTOMER, null));
        }
        counter.reset();

        OrderPage first = useCases.list().list(new ListOrdersQuery(new CustomerId(CUSTOMER), 2, null));
        assertCalls("list, first page", "Query");
        useCases.list().list(new ListOrdersQuery(new CustomerId(CUSTOMER), 2, first.nextCursor().orElseThrow()));

        assertCalls("list, next page", "Query");
    }

    @Test
    void cancel_is_one_read_and_one_update() {
        Order placed = useCases.place().place(mugsAndShirt(CUSTOMER, null)).order();
        counter.reset();

        Order cancelled = useCases.cancel().cancel(new CancelOrderCommand(placed.id(), null, 1L));

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertCalls("cancel", "GetItem", "UpdateItem");
    }

    @Test
    void repeated_cancel_is_one_read() {
        Order placed = useCases.place().place(mugsAndShirt(CUSTOMER, null)).order();
        useCases.cancel().cancel(new CancelOrderCommand(placed.id(), null, null));
        counter.reset();

        useCases.cancel().cancel(new CancelOrderCommand(placed.id(), null, null));

        assertCalls("cancel of a cancelled order", "GetItem");
    }

    @Test
    void event_is_one_read_and_one_update() {
        Order placed = useCases.place().place(mugsAndShirt(CUSTOMER, null)).order();
        counter.reset();

        useCases.applyEvent().apply(new OrderEvent("evt-1", OrderEventType.PAYMENT_CAPTURED, placed.id(),
                Instant.now()));

        assertCalls("event", "GetItem", "UpdateItem");
    }

    @Test
    void product_list_is_one_scan_then_cached() {
        store.productCatalog().findAll();
        assertCalls("product list, cold cache", "Scan");

        store.productCatalog().findAll();

        assertCalls("product list, warm cache");
    }

    private void assertCalls(String useCase, String... expected) {
        List<String> calls = counter.takeOperations();
        System.out.println("round trips of " + useCase + ": " + calls);
        assertThat(calls).as(useCase).containsExactly(expected);
    }

    private DynamoDbSettings at(FaultyDynamoDbServer faulty) {
        return new DynamoDbSettings(settings.ordersTable(), settings.productsTable(), faulty.endpoint(),
                settings.region(), settings.cursorSecret());
    }

    /**
     * Forwards the first PutItem to dynalite and replies to a repeat of the same item as DynamoDB does when the
     * order exists: a ConditionalCheckFailedException that carries the stored item.
     */
    private static Function<String, Optional<Reply>> returnOldItemOnConflict() {
        AtomicReference<String> stored = new AtomicReference<>();
        return body -> {
            String item = JsonNode.parser().parse(body).field("Item").orElseThrow().toString();
            if (stored.compareAndSet(null, item)) {
                return Optional.empty();
            }
            String error = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException\","
                    + "\"message\":\"The conditional request failed\",\"Item\":" + stored.get() + "}";
            return Optional.of(new Reply(400, Map.of("x-amzn-ErrorType", "ConditionalCheckFailedException"), error));
        };
    }
}
