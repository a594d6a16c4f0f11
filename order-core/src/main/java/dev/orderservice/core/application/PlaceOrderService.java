package dev.orderservice.core.application;

import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.OrderException;
import dev.orderservice.core.domain.OrderException.Violation;
import dev.orderservice.core.domain.OrderId;
import dev.orderservice.core.domain.OrderLine;
import dev.orderservice.core.domain.PricingPolicy;
import dev.orderservice.core.domain.Product;
import dev.orderservice.core.domain.Sku;
import dev.orderservice.core.port.in.PlaceOrderCommand;
import dev.orderservice.core.port.in.PlaceOrderUseCase;
import dev.orderservice.core.port.out.OrderIdGenerator;
import dev.orderservice.core.port.out.OrderRepository;
import dev.orderservice.core.port.out.OrderRepository.Placement;
import dev.orderservice.core.port.out.ProductCatalog;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Prices a command's lines from the catalog and stores the order, at most once per idempotency key. */
public final class PlaceOrderService implements PlaceOrderUseCase {

    private final OrderRepository orders;
    private final ProductCatalog catalog;
    private final PricingPolicy pricing;
    private final OrderIdGenerator ids;
    private final Clock clock;

    @Inject
    public PlaceOrderService(OrderRepository orders, ProductCatalog catalog, PricingPolicy pricing,
            OrderIdGenerator ids, Clock clock) {
        this.orders = orders;
        this.catalog = catalog;
        this.pricing = pricing;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public PlacedOrder place(PlaceOrderCommand command) {
        OrderId orderId = command.idempotencyKey()
                .map(key -> OrderId.forIdempotencyKey(command.customerId(), key))
                .orElseGet(ids::nextId);
        String fingerprint = command.fingerprint();

        List<OrderLine> lines;
        try {
            lines = priceLines(command);
        } catch (OrderException rejected) {
            return replayDespiteCatalog(command, orderId, fingerprint).orElseThrow(() -> rejected);
        }

        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Placement result = orders.createIfAbsent(Order.place(orderId, command.customerId(), lines, pricing, now),
                fingerprint);

        return result.created()
                ? new PlacedOrder(result.order(), false)
                : replayOrReject(result.order(), result.requestFingerprint(), fingerprint);
    }

    /**
     * Returns the replay of an order that an idempotency key already placed, when the catalog now rejects the
     * request: a replay must return the original order even if a SKU has since become unavailable.
     */
    private Optional<PlacedOrder> replayDespiteCatalog(PlaceOrderCommand command, OrderId orderId,
            String fingerprint) {
        if (command.idempotencyKey().isEmpty()) {
            return Optional.empty();
        }
        return orders.findPlacement(orderId)
                .map(existing -> replayOrReject(existing.order(), existing.requestFingerprint(), fingerprint));
    }

    private static PlacedOrder replayOrReject(Order existing, String storedFingerprint, String fingerprint) {
        if (!storedFingerprint.equals(fingerprint)) {
            throw OrderException.rejected("Idempotency-Key was already used with a different request",
                    List.of(new Violation("Idempotency-Key", "was already used with a different request")));
        }
        return new PlacedOrder(existing.asPlaced(), true);
    }

    private List<OrderLine> priceLines(PlaceOrderCommand command) {
        Map<Sku, Integer> quantities = command.mergedQuantities();
        Map<Sku, Product> products = catalog.findBySkus(quantities.keySet());

        List<Violation> violations = new ArrayList<>();
        if (command.currency().isPresent() && !command.currency().get().equals(pricing.currency())) {
            violations.add(new Violation("currency", "must be " + pricing.currency().getCurrencyCode()
                    + ", the currency of the catalog"));
        }
        List<OrderLine> lines = new ArrayList<>();
        for (Map.Entry<Sku, Integer> requested : quantities.entrySet()) {
            Product product = products.get(requested.getKey());
            String field = "items[" + firstIndexOf(command, requested.getKey()) + "].sku";
            if (product == null) {
                violations.add(new Violation(field, requested.getKey() + " is not in the catalog"));
            } else if (!product.available()) {
                violations.add(new Violation(field, requested.getKey() + " is not available"));
            } else {
                lines.add(OrderLine.of(product, requested.getValue()));
            }
        }

        if (!violations.isEmpty()) {
            throw OrderException.rejected(describe(violations), violations);
        }
        return lines;
    }

    private static int firstIndexOf(PlaceOrderCommand command, Sku sku) {
        List<PlaceOrderCommand.Item> items = command.items();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).sku().equals(sku)) {
                return i;
            }
        }
        throw new IllegalArgumentException(sku + " is not in the command");
    }

    private static String describe(List<Violation> violations) {
        return violations.size() == 1
                ? violations.get(0).message()
                : violations.size() + " fields cannot be accepted";
    }
}
