package dev.orderservice.adapter.dynamodb;

import dev.orderservice.core.domain.Money;
import dev.orderservice.core.domain.Product;
import dev.orderservice.core.domain.Sku;
import java.util.Currency;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The layout of a product in the products table: one item per SKU, the price a decimal string with its currency. */
final class ProductItems {

    static final String SKU = "sku";
    static final String NAME = "name";
    static final String UNIT_PRICE = "unitPrice";
    static final String CURRENCY = "currency";
    static final String AVAILABLE = "available";

    private ProductItems() {
    }

    static Map<String, AttributeValue> key(Sku sku) {
        return Map.of(SKU, AttributeValue.fromS(sku.value()));
    }

    static Map<String, AttributeValue> toItem(Product product) {
        return Map.of(
                SKU, AttributeValue.fromS(product.sku().value()),
                NAME, AttributeValue.fromS(product.name()),
                UNIT_PRICE, AttributeValue.fromS(product.unitPrice().toPlainString()),
                CURRENCY, AttributeValue.fromS(product.unitPrice().currency().getCurrencyCode()),
                AVAILABLE, AttributeValue.fromBool(product.available()));
    }

    static Product toProduct(Map<String, AttributeValue> item) {
        Currency currency = Currency.getInstance(requireString(item, CURRENCY));
        Boolean available = require(item, AVAILABLE).bool();
        if (available == null) {
            throw new IllegalStateException("attribute " + AVAILABLE + " of a stored product is not a boolean");
        }
        return new Product(
                new Sku(requireString(item, SKU)),
                requireString(item, NAME),
                Money.parse(requireString(item, UNIT_PRICE), currency),
                available);
    }

    private static String requireString(Map<String, AttributeValue> item, String name) {
        String value = require(item, name).s();
        if (value == null) {
            throw new IllegalStateException("attribute " + name + " of a stored product is not a string");
        }
        return value;
    }

    private static AttributeValue require(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null) {
            throw new IllegalStateException("a stored product has no attribute " + name + "; write products with"
                    + " DynamoDbTables.loadProductsIfEmpty or in the layout that docs/dynamodb.md describes");
        }
        return value;
    }
}
