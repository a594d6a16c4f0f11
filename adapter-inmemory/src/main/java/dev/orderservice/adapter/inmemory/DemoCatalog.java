package dev.orderservice.adapter.inmemory;

import dev.orderservice.core.domain.Money;
import dev.orderservice.core.domain.Product;
import dev.orderservice.core.domain.Sku;
import java.util.Currency;
import java.util.List;

/**
 * The local server's default catalog: five USD products, one of them unavailable. It goes with
 * {@link dev.orderservice.core.domain.PricingPolicy#demo()}, which prices in USD too.
 */
public final class DemoCatalog {

    private static final Currency USD = Currency.getInstance("USD");

    private DemoCatalog() {
    }

    /** Returns the demo products, ordered by SKU. */
    public static List<Product> products() {
        return List.of(
                product("SKU-HEADPHONES", "Wireless Headphones", "149.00", true),
                product("SKU-MUG-01", "Ceramic Mug", "12.50", true),
                product("SKU-POSTER-A2", "Poster A2", "7.25", true),
                product("SKU-TSHIRT-M", "Cotton T-Shirt (M)", "19.99", true),
                product("SKU-UMBRELLA", "Travel Umbrella", "24.00", false));
    }

    private static Product product(String sku, String name, String unitPrice, boolean available) {
        return new Product(new Sku(sku), name, Money.parse(unitPrice, USD), available);
    }
}
