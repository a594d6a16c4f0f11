package dev.orderservice.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderservice.core.application.PlaceOrderService;
import dev.orderservice.core.domain.CustomerId;
import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.PricingPolicy;
import dev.orderservice.core.port.in.PlaceOrderCommand;
import dev.orderservice.core.port.in.PlaceOrderCommand.RawItem;
import dev.orderservice.core.port.in.PlaceOrderUseCase.PlacedOrder;
import dev.orderservice.core.port.out.OrderIdGenerator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrentPlacementTest {

    private static final int THREADS = 32;
    private static final CustomerId CUSTOMER = new CustomerId("cust-42");

    private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
    private final PlaceOrderService service = new PlaceOrderService(orders,
            new InMemoryProductCatalog(DemoCatalog.products()), PricingPolicy.demo(), OrderIdGenerator.random(),
            Clock.systemUTC());

    @Test
    void placing_concurrently_with_one_key_stores_one_order() throws Exception {
        PlaceOrderCommand command = command("key-1");

        List<PlacedOrder> results = placeConcurrently(() -> service.place(command));

        assertThat(results).filteredOn(result -> !result.replayed()).hasSize(1);
        Order stored = orders.findByCustomer(CUSTOMER, 100, null).orders().get(0);
        assertThat(orders.findByCustomer(CUSTOMER, 100, null).orders()).hasSize(1);
        assertThat(results).allSatisfy(result -> assertThat(result.order()).isEqualTo(stored));
    }

    @Test
    void placing_concurrently_without_a_key_stores_every_order() throws Exception {
        PlaceOrderCommand command = command(null);

        List<PlacedOrder> results = placeConcurrently(() -> service.place(command));

        assertThat(results).noneMatch(PlacedOrder::replayed);
        assertThat(orders.findByCustomer(CUSTOMER, 100, null).orders()).hasSize(THREADS);
    }

    private static PlaceOrderCommand command(String idempotencyKey) {
        return PlaceOrderCommand.of(CUSTOMER.value(), null,
                List.of(new RawItem("SKU-TSHIRT-M", 2L), new RawItem("SKU-MUG-01", 1L)), idempotencyKey);
    }

    /** Runs the placement on every thread at once and returns the results. */
    private static List<PlacedOrder> placeConcurrently(Callable<PlacedOrder> placement) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<PlacedOrder>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return placement.call();
                }));
            }
            start.countDown();

            List<PlacedOrder> results = new ArrayList<>();
            for (Future<PlacedOrder> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
