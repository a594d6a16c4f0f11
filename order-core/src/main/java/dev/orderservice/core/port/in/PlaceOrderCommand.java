package dev.orderservice.core.port.in;

import dev.orderservice.core.domain.CustomerId;
import dev.orderservice.core.domain.IdempotencyKey;
import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.OrderException;
import dev.orderservice.core.domain.OrderException.Violation;
import dev.orderservice.core.domain.OrderLine;
import dev.orderservice.core.domain.Sku;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A request to place an order, as the client sent it: a customer, an optional currency and SKU lines.
 *
 * <p>Build it with {@link #of}, which checks every field and reports all violations at once, named by their
 * paths in the request JSON.
 */
public final class PlaceOrderCommand {

    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

    private final CustomerId customerId;
    private final Currency currency;
    private final List<Item> items;
    private final IdempotencyKey idempotencyKey;

    /** One line as requested: a SKU and a quantity. */
    public record Item(Sku sku, int quantity) {
    }

    /** One line as received, before validation. */
    public record RawItem(String sku, Long quantity) {
    }

    private PlaceOrderCommand(CustomerId customerId, Currency currency, List<Item> items,
            IdempotencyKey idempotencyKey) {
        this.customerId = customerId;
        this.currency = currency;
        this.items = List.copyOf(items);
        this.idempotencyKey = idempotencyKey;
    }

    /**
     * Checks a request and builds the command.
     *
     * @param customerId the requested customer id, or {@code null} when missing
     * @param currency the requested currency code, or {@code null} when not given
     * @param items the requested lines, or {@code null} when missing
     * @param idempotencyKey the {@code Idempotency-Key} header, or {@code null} when absent
     * @throws OrderException {@code INVALID} listing every field that is missing or out of its range
     */
    public static PlaceOrderCommand of(String customerId, String currency, List<RawItem> items,
            String idempotencyKey) {
        List<Violation> violations = new ArrayList<>();
        checkCustomerId(customerId, violations);
        checkCurrency(currency, violations);
        checkItems(items, violations);
        if (idempotencyKey != null && !IdempotencyKey.isValid(idempotencyKey)) {
            violations.add(new Violation("Idempotency-Key", "must be 1 to 255 printable ASCII characters"));
        }
        if (!violations.isEmpty()) {
            throw OrderException.invalid(violations);
        }

        List<Item> checkedItems = items.stream().map(item -> new Item(new Sku(item.sku()), item.quantity().intValue()))
                .toList();
        return new PlaceOrderCommand(new CustomerId(customerId), currency == null ? null : Currency.getInstance(currency),
                checkedItems, idempotencyKey == null ? null : new IdempotencyKey(idempotencyKey));
    }

    private static void checkCustomerId(String customerId, List<Violation> violations) {
        if (customerId == null) {
            violations.add(new Violation("customerId", "is required"));
        } else if (!CustomerId.isValid(customerId)) {
            violations.add(new Violation("customerId", "must be 1 to 64 characters of A-Z a-z 0-9 . _ : @ -"));
        }
    }

    private static void checkCurrency(String currency, List<Violation> violations) {
        if (currency != null && !isCurrencyCode(currency)) {
            violations.add(new Violation("currency", "must be an ISO 4217 currency code such as USD"));
        }
    }

    private static boolean isCurrencyCode(String code) {
        if (!CURRENCY_CODE.matcher(code).matches()) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    private static void checkItems(List<RawItem> items, List<Violation> violations) {
        if (items == null) {
            violations.add(new Violation("items", "is required"));
            return;
        }
        if (items.isEmpty() || items.size() > Order.MAX_LINES) {
            violations.add(new Violation("items", "must have 1 to " + Order.MAX_LINES + " lines"));
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            checkItem(items.get(i), "items[" + i + "]", violations);
        }
    }

    private static void checkItem(RawItem item, String path, List<Violation> violations) {
        if (item == null) {
            violations.add(new Violation(path, "is required"));
            return;
        }
        if (item.sku() == null) {
            violations.add(new Violation(path + ".sku", "is required"));
        } else if (!Sku.isValid(item.sku())) {
            violations.add(new Violation(path + ".sku", "must be 1 to 64 characters of A-Z a-z 0-9 . _ -"));
        }
        if (item.quantity() == null) {
            violations.add(new Violation(path + ".quantity", "is required"));
        } else if (item.quantity() < OrderLine.MIN_QUANTITY || item.quantity() > OrderLine.MAX_QUANTITY) {
            violations.add(new Violation(path + ".quantity",
                    "must be between " + OrderLine.MIN_QUANTITY + " and " + OrderLine.MAX_QUANTITY));
        }
    }

    public CustomerId customerId() {
        return customerId;
    }

    /** Returns the currency the client expects, when it named one. */
    public Optional<Currency> currency() {
        return Optional.ofNullable(currency);
    }

    public List<Item> items() {
        return items;
    }

    public Optional<IdempotencyKey> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    /**
     * Returns the quantity per SKU, in the order the SKUs first appear, with repeated SKUs merged into one line.
     *
     * @throws OrderException {@code INVALID} when a merged quantity exceeds the maximum of one line
     */
    public Map<Sku, Integer> mergedQuantities() {
        Map<Sku, Integer> merged = new LinkedHashMap<>();
        for (Item item : items) {
            merged.merge(item.sku(), item.quantity(), Integer::sum);
        }
        for (Map.Entry<Sku, Integer> line : merged.entrySet()) {
            if (line.getValue() > OrderLine.MAX_QUANTITY) {
                throw OrderException.invalid("items", "the lines of " + line.getKey() + " add up to " + line.getValue()
                        + ", but one SKU can be ordered at most " + OrderLine.MAX_QUANTITY + " times");
            }
        }
        return merged;
    }

    /**
     * Returns a SHA-256 digest of what the client asked for, so that a repeated idempotency key can be told
     * apart from a reuse with another request. The layout of the JSON body does not change it.
     */
    public String fingerprint() {
        StringBuilder canonical = new StringBuilder()
                .append(customerId.value()).append('\n')
                .append(currency == null ? "" : currency.getCurrencyCode()).append('\n');
        for (Item item : items) {
            canonical.append(item.sku().value()).append(' ').append(item.quantity()).append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException missing) {
            // Every Java SE runtime must provide SHA-256.
            throw new IllegalStateException(missing);
        }
    }
}
