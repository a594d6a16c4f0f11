package dev.orderservice.adapter.dynamodb;

import dev.orderservice.core.domain.CustomerId;
import dev.orderservice.core.domain.Money;
import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.OrderId;
import dev.orderservice.core.domain.OrderLine;
import dev.orderservice.core.domain.OrderStatus;
import dev.orderservice.core.domain.Sku;
import dev.orderservice.core.domain.Totals;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The layout of an order in the orders table: one item per order, its lines a list of maps, every amount a
 * decimal string in the order's currency, so that an order read back equals the order written.
 */
final class OrderItems {

    static final String ORDER_ID = "orderId";
    static final String CUSTOMER_ID = "customerId";
    /** The sort key of the customer index: {@code createdAt} at fixed width, {@code #}, then the order id. */
    static final String CREATED_AT_ORDER_ID = "createdAtOrderId";
    static final String STATUS = "status";
    static final String CURRENCY = "currency";
    static final String LINES = "lines";
    static final String SUBTOTAL = "subtotal";
    static final String TAX = "tax";
    static final String SHIPPING = "shipping";
    static final String TOTAL = "total";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";
    static final String VERSION = "version";
    static final String CANCELLATION_REASON = "cancellationReason";
    static final String APPLIED_EVENT_IDS = "appliedEventIds";
    static final String REQUEST_FINGERPRINT = "requestFingerprint";

    static final String LINE_SKU = "sku";
    static final String LINE_NAME = "name";
    static final String LINE_QUANTITY = "quantity";
    static final String LINE_UNIT_PRICE = "unitPrice";

    /**
     * Nanoseconds at a fixed width, so that the strings sort as the instants do for the years 0000 to 9999 and
     * two orders placed within one millisecond still sort by time.
     */
    private static final DateTimeFormatter SORTABLE_INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private OrderItems() {
    }

    /** Returns the whole item of an order: its attributes, the index sort key and the request fingerprint. */
    static Map<String, AttributeValue> toItem(Order order, String requestFingerprint) {
        Map<String, AttributeValue> item = attributes(order);
        item.put(REQUEST_FINGERPRINT, string(requestFingerprint));
        return item;
    }

    /**
     * Returns every attribute that an order's state decides, which is the item without the request fingerprint.
     * An order without a cancellation reason has no such attribute.
     */
    static Map<String, AttributeValue> attributes(Order order) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ORDER_ID, string(order.id().value()));
        item.put(CUSTOMER_ID, string(order.customerId().value()));
        item.put(CREATED_AT_ORDER_ID, string(customerSortKey(order.createdAt(), order.id())));
        item.put(STATUS, string(order.status().name()));
        item.put(CURRENCY, string(order.currency().getCurrencyCode()));
        item.put(LINES, AttributeValue.fromL(order.lines().stream().map(OrderItems::lineToMap).toList()));
        putTotals(item, order.totals());
        item.put(CREATED_AT, string(order.createdAt().toString()));
        item.put(UPDATED_AT, string(order.updatedAt().toString()));
        item.put(VERSION, AttributeValue.fromN(Long.toString(order.version())));
        order.cancellationReason().ifPresent(reason -> item.put(CANCELLATION_REASON, string(reason)));
        item.put(APPLIED_EVENT_IDS, AttributeValue.fromL(order.appliedEventIds().stream().map(OrderItems::string)
                .toList()));
        return item;
    }

    static Order toOrder(Map<String, AttributeValue> item) {
        Currency currency = Currency.getInstance(requireString(item, CURRENCY));
        List<OrderLine> lines = require(item, LINES).l().stream()
                .map(line -> mapToLine(line.m(), currency))
                .toList();
        Totals totals = new Totals(money(item, SUBTOTAL, currency), money(item, TAX, currency),
                money(item, SHIPPING, currency), money(item, TOTAL, currency));
        AttributeValue reason = item.get(CANCELLATION_REASON);
        List<String> eventIds = require(item, APPLIED_EVENT_IDS).l().stream().map(AttributeValue::s).toList();

        return new Order(
                new OrderId(requireString(item, ORDER_ID)),
                new CustomerId(requireString(item, CUSTOMER_ID)),
                OrderStatus.valueOf(requireString(item, STATUS)),
                currency,
                lines,
                totals,
                Instant.parse(requireString(item, CREATED_AT)),
                Instant.parse(requireString(item, UPDATED_AT)),
                version(item),
                reason == null ? null : reason.s(),
                eventIds);
    }

    static String requestFingerprint(Map<String, AttributeValue> item) {
        return requireString(item, REQUEST_FINGERPRINT);
    }

    static long version(Map<String, AttributeValue> item) {
        return Long.parseLong(require(item, VERSION).n());
    }

    /** Returns the customer index's sort key, which orders a customer's orders by creation time, then by id. */
    static String customerSortKey(Instant createdAt, OrderId orderId) {
        return SORTABLE_INSTANT.format(createdAt) + "#" + orderId.value();
    }

    static AttributeValue string(String value) {
        return AttributeValue.fromS(value);
    }

    private static void putTotals(Map<String, AttributeValue> item, Totals totals) {
        item.put(SUBTOTAL, string(totals.subtotal().toPlainString()));
        item.put(TAX, string(totals.tax().toPlainString()));
        item.put(SHIPPING, string(totals.shipping().toPlainString()));
        item.put(TOTAL, string(totals.total().toPlainString()));
    }

    private static AttributeValue lineToMap(OrderLine line) {
        return AttributeValue.fromM(Map.of(
                LINE_SKU, string(line.sku().value()),
                LINE_NAME, string(line.name()),
                LINE_QUANTITY, AttributeValue.fromN(Integer.toString(line.quantity())),
                LINE_UNIT_PRICE, string(line.unitPrice().toPlainString())));
    }

    private static OrderLine mapToLine(Map<String, AttributeValue> line, Currency currency) {
        return new OrderLine(
                new Sku(requireString(line, LINE_SKU)),
                requireString(line, LINE_NAME),
                Integer.parseInt(require(line, LINE_QUANTITY).n()),
                money(line, LINE_UNIT_PRICE, currency));
    }

    private static Money money(Map<String, AttributeValue> item, String name, Currency currency) {
        return Money.parse(requireString(item, name), currency);
    }

    private static String requireString(Map<String, AttributeValue> item, String name) {
        String value = require(item, name).s();
        if (value == null) {
            throw new IllegalStateException("attribute " + name + " of a stored order is not a string");
        }
        return value;
    }

    private static AttributeValue require(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null) {
            throw new IllegalStateException("a stored order has no attribute " + name + "; it was not written by"
                    + " this adapter, or the table holds something other than orders");
        }
        return value;
    }
}
