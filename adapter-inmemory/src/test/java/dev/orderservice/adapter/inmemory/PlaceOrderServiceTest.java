package dev.orderservice.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.orderservice.core.application.PlaceOrderService;
import dev.orderservice.core.domain.CustomerId;
import dev.orderservice.core.domain.IdempotencyKey;
import dev.orderservice.core.domain.Money;
import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.OrderException;
import dev.orderservice.core.domain.OrderException.Reason;
import dev.orderservice.core.domain.OrderException.Violation;
import dev.orderservice.core.domain.OrderId;
import dev.orderservice.core.domain.OrderLine;
import dev.orderservice.core.domain.OrderStatus;
import dev.orderservice.core.domain.PricingPolicy;
import dev.orderservice.core.domain.Product;
import dev.orderservice.core.port.in.PlaceOrderCommand;
import dev.orderservice.core.port.in.PlaceOrderCommand.RawItem;
import dev.orderservice.core.port.in.PlaceOrderUseCase.PlacedOrder;
import dev.orderservice.core.port.out.OrderIdGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class PlaceOrderServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-04T19:00:00.123456Z");
    private static final CustomerId CUSTOMER = new CustomerId("cust-42");

    private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
    private final MutableClock clock = new MutableClock(NOW);
    private final PlaceOrderService service = serviceWith(DemoCatalog.products());

    @Test
    void placement_prices_lines_from_the_catalog() {
        PlaceOrderCommand command = command(null, item("SKU-TSHIRT-M", 2), item("SKU-MUG-01", 1));

        PlacedOrder placed = service.place(command);

        Order order = placed.order();
        assertThat(placed.replayed()).isFalse();
        assertThat(order.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(order.customerId()).isEqualTo(CUSTOMER);
        assertThat(order.lines())
                .extracting(line -> line.sku().value(), OrderLine::name, OrderLine::quantity,
                        line -> line.unitPrice().toPlainString(), line -> line.lineTotal().toPlainString())
                .containsExactly(tuple("SKU-TSHIRT-M", "Cotton T-Shirt (M)", 2, "19.99", "39.98"),
                        tuple("SKU-MUG-01", "Ceramic Mug", 1, "12.50", "12.50"));
        assertThat(order.totals().subtotal().toPlainString()).isEqualTo("52.48");
        assertThat(order.totals().tax().toPlainString()).isEqualTo("4.33");
        assertThat(order.totals().shipping().toPlainString()).isEqualTo("5.00");
        assertThat(order.totals().total().toPlainString()).isEqualTo("61.81");
        assertThat(order.version()).isEqualTo(1);
        assertThat(order.createdAt()).isEqualTo(Instant.parse("2026-12-04T19:00:00.123Z"));
        assertThat(order.updatedAt()).isEqualTo(order.createdAt());
        assertThat(orders.findById(order.id())).contains(order);
    }

    @Test
    void placement_merges_lines_of_one_sku() {
        PlaceOrderCommand command = command(null, item("SKU-MUG-01", 1), item("SKU-TSHIRT-M", 2),
                item("SKU-MUG-01", 2));

        Order order = service.place(command).order();

        assertThat(order.lines())
                .extracting(line -> line.sku().value(), OrderLine::quantity)
                .containsExactly(tuple("SKU-MUG-01", 3), tuple("SKU-TSHIRT-M", 2));
    }

    @Test
    void merged_quantity_over_1000_is_invalid() {
        PlaceOrderCommand command = command(null, item("SKU-MUG-01", 999), item("SKU-MUG-01", 2));

        assertThatThrownBy(() -> service.place(command))
                .isInstanceOfSatisfying(OrderException.class, reason(Reason.INVALID));
        assertThat(storedOrders()).isEmpty();
    }

    @Test
    void unknown_sku_is_rejected_with_its_field() {
        PlaceOrderCommand command = command(null, item("SKU-MUG-01", 1), item("SKU-NOPE", 1));

        assertThatThrownBy(() -> service.place(command))
                .isInstanceOfSatisfying(OrderException.class, thrown -> {
                    assertThat(thrown.reason()).isEqualTo(Reason.REJECTED);
                    assertThat(thrown.violations())
                            .containsExactly(new Violation("items[1].sku", "SKU-NOPE is not in the catalog"));
                });
        assertThat(storedOrders()).isEmpty();
    }

    @Test
    void unavailable_sku_is_rejected_with_its_field() {
        PlaceOrderCommand command = command(null, item("SKU-UMBRELLA", 1));

        assertThatThrownBy(() -> service.place(command))
                .isInstanceOfSatisfying(OrderException.class, thrown -> {
                    assertThat(thrown.reason()).isEqualTo(Reason.REJECTED);
                    assertThat(thrown.violations())
                            .containsExactly(new Violation("items[0].sku", "SKU-UMBRELLA is not available"));
                });
    }

    @Test
    void rejection_names_the_first_line_of_a_sku() {
        PlaceOrderCommand command = command(null, item("SKU-MUG-01", 1), item("SKU-NOPE", 1), item("SKU-NOPE", 2));

        assertThatThrownBy(() -> service.place(command))
                .isInstanceOfSatisfying(OrderException.class, thrown -> assertThat(thrown.violations())
                        .extracting(Violation::field).containsExactly("items[1].sku"));
    }

    @Test
    void every_rejected_field_is_reported_at_once() {
        PlaceOrderCommand command = PlaceOrderCommand.of("cust-42", "EUR",
                List.of(new RawItem("SKU-UMBRELLA", 1L), new RawItem("SKU-NOPE", 1L)), null);

        assertThatThrownBy(() -> service.place(command))
                .isInstanceOfSatisfying(OrderException.class, thrown -> {
                    assertThat(thrown.reason()).isEqualTo(Reason.REJECTED);
                    assertThat(thrown.violations()).extracting(Violation::field)
                            .containsExactly("currency", "items[0].sku", "items[1].sku");
                })
                .hasMessage("3 fields cannot be accepted");
    }

    @Test
    void currency_other_than_the_catalogs_is_rejected() {
        PlaceOrderCommand command = PlaceOrderCommand.of("cust-42", "EUR", List.of(new RawItem("SKU-MUG-01", 1L)),
                null);

        assertThatThrownBy(() -> service.place(command))
                .isInstanceOfSatisfying(OrderException.class, thrown -> {
                    assertThat(thrown.reason()).isEqualTo(Reason.REJECTED);
                    assertThat(thrown.violations())
                            .containsExactly(new Violation("currency", "must be USD, the currency of the catalog"));
                });
        assertThat(storedOrders()).isEmpty();
    }

    @Test
    void currency_of_the_catalog_is_accepted() {
        PlaceOrderCommand command = PlaceOrderCommand.of("cust-42", "USD", List.of(new RawItem("SKU-MUG-01", 1L)),
                null);

        assertThat(service.place(command).order().currency().getCurrencyCode()).isEqualTo("USD");
    }

    @Test
    void placements_without_a_key_create_new_orders() {
        PlaceOrderCommand command = command(null, item("SKU-MUG-01", 1));

        PlacedOrder first = service.place(command);
        PlacedOrder second = service.place(command);

        assertThat(second.order().id()).isNotEqualTo(first.order().id());
        assertThat(second.replayed()).isFalse();
        assertThat(storedOrders()).hasSize(2);
    }

    @Test
    void key_determines_the_order_id() {
        Order order = service.place(command("key-1", item("SKU-MUG-01", 1))).order();

        assertThat(order.id()).isEqualTo(OrderId.forIdempotencyKey(CUSTOMER, new IdempotencyKey("key-1")));
    }

    @Test
    void replay_returns_the_first_order_and_stores_nothing() {
        PlaceOrderCommand command = command("key-1", item("SKU-TSHIRT-M", 2), item("SKU-MUG-01", 1));
        PlacedOrder first = service.place(command);
        clock.advance(Duration.ofMinutes(5));

        PlacedOrder replay = service.place(command);

        assertThat(replay.replayed()).isTrue();
        assertThat(replay.order()).isEqualTo(first.order());
        assertThat(storedOrders()).containsExactly(first.order());
    }

    @Test
    void replay_after_cancel_returns_placed_order() {
        PlaceOrderCommand command = command("key-1", item("SKU-MUG-01", 1));
        Order placed = service.place(command).order();
        orders.update(placed.cancel("changed my mind", NOW.plusSeconds(60)), placed.version());

        PlacedOrder replay = service.place(command);

        assertThat(replay.replayed()).isTrue();
        assertThat(replay.order()).isEqualTo(placed);
        assertThat(orders.findById(placed.id()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void replay_keeps_prices_after_a_change() {
        PlaceOrderCommand command = command("key-1", item("SKU-MUG-01", 1));
        Order placed = service.place(command).order();
        PlaceOrderService repriced = serviceWith(replace(DemoCatalog.products(), "SKU-MUG-01",
                mug -> new Product(mug.sku(), mug.name(), Money.parse("99.00", mug.unitPrice().currency()), true)));

        PlacedOrder replay = repriced.place(command);

        assertThat(replay.replayed()).isTrue();
        assertThat(replay.order()).isEqualTo(placed);
        assertThat(replay.order().lines().get(0).unitPrice().toPlainString()).isEqualTo("12.50");
    }

    @Test
    void replay_after_the_sku_became_unavailable_succeeds() {
        PlaceOrderCommand command = command("key-1", item("SKU-MUG-01", 1));
        Order placed = service.place(command).order();
        PlaceOrderService soldOut = serviceWith(replace(DemoCatalog.products(), "SKU-MUG-01",
                mug -> new Product(mug.sku(), mug.name(), mug.unitPrice(), false)));

        PlacedOrder replay = soldOut.place(command);

        assertThat(replay.replayed()).isTrue();
        assertThat(replay.order()).isEqualTo(placed);
    }

    @Test
    void replay_after_the_sku_left_the_catalog_succeeds() {
        PlaceOrderCommand command = command("key-1", item("SKU-MUG-01", 1));
        Order placed = service.place(command).order();
        PlaceOrderService withoutMug = serviceWith(DemoCatalog.products().stream()
                .filter(product -> !product.sku().value().equals("SKU-MUG-01"))
                .toList());

        assertThat(withoutMug.place(command).order()).isEqualTo(placed);
    }

    @Test
    void key_reused_with_another_request_is_rejected() {
        service.place(command("key-1", item("SKU-MUG-01", 1)));
        PlaceOrderCommand other = command("key-1", item("SKU-MUG-01", 2));

        assertThatThrownBy(() -> service.place(other))
                .isInstanceOfSatisfying(OrderException.class, thrown -> {
                    assertThat(thrown.reason()).isEqualTo(Reason.REJECTED);
                    assertThat(thrown.violations()).extracting(Violation::field).containsExactly("Idempotency-Key");
                });
        assertThat(storedOrders()).hasSize(1);
    }

    @Test
    void key_reused_with_an_unplaceable_request_is_rejected() {
        service.place(command("key-1", item("SKU-MUG-01", 1)));
        PlaceOrderCommand other = command("key-1", item("SKU-NOPE", 1));

        assertThatThrownBy(() -> service.place(other))
                .isInstanceOfSatisfying(OrderException.class, thrown -> assertThat(thrown.violations())
                        .extracting(Violation::field).containsExactly("Idempotency-Key"));
    }

    @Test
    void unused_key_with_unknown_sku_is_rejected() {
        PlaceOrderCommand command = command("key-1", item("SKU-NOPE", 1));

        assertThatThrownBy(() -> service.place(command))
                .isInstanceOfSatisfying(OrderException.class, thrown -> assertThat(thrown.violations())
                        .extracting(Violation::field).containsExactly("items[0].sku"));
        assertThat(storedOrders()).isEmpty();
    }

    @Test
    void one_key_of_two_customers_places_two_orders() {
        PlaceOrderCommand mine = command("key-1", item("SKU-MUG-01", 1));
        PlaceOrderCommand theirs = PlaceOrderCommand.of("cust-43", null, List.of(new RawItem("SKU-MUG-01", 1L)),
                "key-1");

        PlacedOrder first = service.place(mine);
        PlacedOrder second = service.place(theirs);

        assertThat(second.replayed()).isFalse();
        assertThat(second.order().id()).isNotEqualTo(first.order().id());
    }

    private PlaceOrderService serviceWith(List<Product> products) {
        return new PlaceOrderService(orders, new InMemoryProductCatalog(products), PricingPolicy.demo(),
                OrderIdGenerator.random(), clock);
    }

    private List<Order> storedOrders() {
        return orders.findByCustomer(CUSTOMER, 100, null).orders();
    }

    private static PlaceOrderCommand command(String idempotencyKey, RawItem... items) {
        return PlaceOrderCommand.of(CUSTOMER.value(), null, List.of(items), idempotencyKey);
    }

    private static RawItem item(String sku, long quantity) {
        return new RawItem(sku, quantity);
    }

    private static List<Product> replace(List<Product> products, String sku,
            UnaryOperator<Product> change) {
        return products.stream()
                .map(product -> product.sku().value().equals(sku) ? change.apply(product) : product)
                .toList();
    }

    private static Consumer<OrderException> reason(Reason expected) {
        return thrown -> assertThat(thrown.reason()).isEqualTo(expected);
    }
}
