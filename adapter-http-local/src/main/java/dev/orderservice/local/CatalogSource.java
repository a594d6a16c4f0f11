package dev.orderservice.local;

import dev.orderservice.adapter.inmemory.DemoCatalog;
import dev.orderservice.core.domain.Money;
import dev.orderservice.core.domain.PricingPolicy;
import dev.orderservice.core.domain.Product;
import dev.orderservice.http.json.CatalogFile;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** The catalog and pricing policy the server starts with: the demo ones, or those its settings name. */
public record CatalogSource(List<Product> products, String description, PricingPolicy pricing) {

    public CatalogSource {
        products = List.copyOf(products);
    }

    /**
     * Loads the catalog file (or the demo catalog) and builds the pricing policy in the catalog's currency.
     *
     * @throws IllegalArgumentException with a message naming the file, line or setting at fault
     */
    public static CatalogSource load(LocalServerSettings settings) {
        Optional<Path> file = settings.catalogFile();
        List<Product> products = file.isPresent() ? readFile(file.get()) : DemoCatalog.products();
        String description = file.map(path -> path + ", " + products.size() + " products")
                .orElse("demo catalog, " + products.size() + " products");
        return new CatalogSource(products, description, pricing(settings, products.get(0).unitPrice().currency()));
    }

    private static List<Product> readFile(Path file) {
        try {
            return CatalogFile.parse(Files.readAllBytes(file));
        } catch (NoSuchFileException missing) {
            throw new IllegalArgumentException("CATALOG_FILE " + file + " does not exist");
        } catch (IOException unreadable) {
            throw new IllegalArgumentException("CATALOG_FILE " + file + " cannot be read: " + unreadable.getMessage());
        } catch (CatalogFile.InvalidCatalogException invalid) {
            throw new IllegalArgumentException("CATALOG_FILE " + file + " is not valid: " + invalid.getMessage());
        }
    }

    private static PricingPolicy pricing(LocalServerSettings settings, Currency currency) {
        String taxRate = settings.value("PRICING_TAX_RATE").orElse("0.0825");
        String shippingFee = settings.value("PRICING_SHIPPING_FEE").orElse("5.00");
        String freeFrom = settings.value("PRICING_FREE_SHIPPING_FROM").orElse("75.00");
        try {
            return new PricingPolicy(new BigDecimal(taxRate), Money.parse(shippingFee, currency),
                    Money.parse(freeFrom, currency));
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException("the pricing policy is not valid for a catalog in " + currency + ": "
                    + invalid.getMessage() + ". Set PRICING_TAX_RATE (such as 0.0825), PRICING_SHIPPING_FEE and "
                    + "PRICING_FREE_SHIPPING_FROM (amounts in " + currency + ")");
        }
    }
}
