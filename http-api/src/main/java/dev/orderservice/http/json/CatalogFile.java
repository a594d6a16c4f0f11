package dev.orderservice.http.json;

import dev.orderservice.core.domain.Money;
import dev.orderservice.core.domain.OrderException;
import dev.orderservice.core.domain.OrderException.Violation;
import dev.orderservice.core.domain.Product;
import dev.orderservice.core.domain.Sku;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a catalog file: the body of {@code GET /products}, {@code {"items":[Product...]}}, so that a running
 * service's catalog can be saved and loaded again.
 *
 * <p>Every product must be valid and every product must share one currency; an error names the line of the
 * product at fault, because a deployment that starts with a wrong price is worse than one that does not start.
 */
public final class CatalogFile {

    private static final Set<String> ROOT_FIELDS = Set.of("items");
    private static final Set<String> PRODUCT_FIELDS = Set.of("sku", "name", "unitPrice", "currency", "available");

    private CatalogFile() {
    }

    /** Thrown for a catalog file that cannot be used; the message names the line and the fault. */
    public static final class InvalidCatalogException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        InvalidCatalogException(String message) {
            super(message);
        }
    }

    /** Parses a catalog file, or throws {@link InvalidCatalogException} naming the line of the first fault. */
    @SuppressWarnings("unchecked")
    public static List<Product> parse(byte[] json) {
        Object document;
        try {
            document = StrictJsonParser.parse(json);
        } catch (MalformedJsonException malformed) {
            throw new InvalidCatalogException("line " + malformed.line() + ": " + malformed.getMessage());
        }
        if (!(document instanceof Map) || !(((Map<String, Object>) document).get("items") instanceof List)) {
            throw new InvalidCatalogException("line 1: a catalog is an object {\"items\": [ products ]}");
        }
        rejectUnknown((Map<String, Object>) document, ROOT_FIELDS);

        List<Object> items = (List<Object>) ((Map<String, Object>) document).get("items");
        List<Product> products = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            lines.add(StrictJsonParser.lineOf(items, i));
            if (!(items.get(i) instanceof Map)) {
                throw new InvalidCatalogException("line " + lines.get(i) + ": every item of a catalog is a product object");
            }
            products.add(product((Map<String, Object>) items.get(i)));
        }
        checkCatalog(products, lines);
        return List.copyOf(products);
    }

    private static Product product(Map<String, Object> object) {
        int line = StrictJsonParser.lineOf(object);
        JsonFields fields = JsonFields.root(object).allowOnly(PRODUCT_FIELDS);
        String sku = fields.string("sku", true);
        String name = fields.string("name", true);
        String unitPrice = fields.string("unitPrice", true);
        String currency = fields.string("currency", true);
        Boolean available = fields.bool("available", true);
        try {
            fields.requireValid();
            return new Product(new Sku(sku), name, Money.parse(unitPrice, currencyOf(currency)), available);
        } catch (OrderException invalid) {
            throw new InvalidCatalogException("line " + line + ": " + describe(invalid.violations()));
        } catch (IllegalArgumentException invalid) {
            throw new InvalidCatalogException("line " + line + ": product " + sku + ": " + invalid.getMessage());
        }
    }

    private static Currency currencyOf(String code) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("currency \"" + code + "\" is not an ISO 4217 code", unknown);
        }
    }

    private static void checkCatalog(List<Product> products, List<Integer> lines) {
        if (products.isEmpty()) {
            throw new InvalidCatalogException("line 1: a catalog needs at least one product");
        }
        Set<Sku> skus = new HashSet<>();
        Currency currency = products.get(0).unitPrice().currency();
        for (int i = 0; i < products.size(); i++) {
            Product product = products.get(i);
            if (!skus.add(product.sku())) {
                throw new InvalidCatalogException("line " + lines.get(i) + ": SKU " + product.sku()
                        + " appears twice in the catalog");
            }
            if (!product.unitPrice().currency().equals(currency)) {
                throw new InvalidCatalogException("line " + lines.get(i) + ": product " + product.sku()
                        + " is priced in " + product.unitPrice().currency() + ", but the catalog's currency is "
                        + currency + ", the currency of its first product");
            }
        }
    }

    private static void rejectUnknown(Map<String, Object> document, Set<String> known) {
        for (String name : document.keySet()) {
            if (!known.contains(name)) {
                throw new InvalidCatalogException("line 1: field \"" + name + "\" is not known in a catalog");
            }
        }
    }

    private static String describe(List<Violation> violations) {
        StringBuilder text = new StringBuilder();
        for (Violation violation : violations) {
            text.append(text.length() == 0 ? "" : "; ").append(violation.field()).append(' ').append(violation.message());
        }
        return text.toString();
    }
}
