package dev.orderservice.local;

import dev.orderservice.adapter.inmemory.DemoCatalog;
import dev.orderservice.core.domain.Money;
import dev.orderservice.core.domain.PricingPolicy;
import dev.orderservice.core.domain.Product;
import dev.orderservice.http.json.CatalogFile;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The catalog and pricing policy the server starts with: the demo ones, or those its settings name. */
public record CatalogSource(List<Product> products, String description, PricingPolicy pricing) {

    static final String DEFAULT_TAX_RATE = "0.0825";
    static final String DEFAULT_SHIPPING_FEE = "5.00";
    static final String DEFAULT_FREE_SHIPPING_FROM = "75.00";

    // ASCII digits only, and short enough that a value can never make BigDecimal work hard.
    private static final Pattern TAX_RATE = Pattern.compile("[0-9]{1,6}(\\.[0-9]{1,10})?");
    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,15}(\\.[0-9]{1,10})?");
    private static final int MAX_QUOTED_LENGTH = 40;

    /**
     * The largest catalog file read, 32 MiB, so that a huge file or a device such as /dev/zero stops start-up with
     * a message instead of an OutOfMemoryError. It fits over 300,000 products of about 90 bytes each.
     */
    static final int MAX_CATALOG_FILE_BYTES = 32 * 1024 * 1024;

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
        if (file.toString().isEmpty()) {
            throw new IllegalArgumentException("CATALOG_FILE is empty; set it to a JSON catalog file, or leave it out"
                    + " for the demo catalog");
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("CATALOG_FILE " + file + " is a directory; set it to a JSON catalog file");
        }
        try {
            return CatalogFile.parse(readAtMost(file, MAX_CATALOG_FILE_BYTES));
        } catch (NoSuchFileException missing) {
            throw new IllegalArgumentException("CATALOG_FILE " + file + " does not exist");
        } catch (IOException unreadable) {
            throw new IllegalArgumentException("CATALOG_FILE " + file + " cannot be read: " + unreadable.getMessage());
        } catch (CatalogFile.InvalidCatalogException invalid) {
            throw new IllegalArgumentException("CATALOG_FILE " + file + " is not valid: " + invalid.getMessage());
        }
    }

    /** Reads a file whole, or fails when it has more than {@code limit} bytes, such as /dev/zero. */
    static byte[] readAtMost(Path file, int limit) throws IOException {
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            content = in.readNBytes(limit + 1);
        }
        if (content.length > limit) {
            throw new IllegalArgumentException("CATALOG_FILE " + file + " is larger than the limit of "
                    + limit + " bytes (" + limit / (1024 * 1024) + " MiB); set CATALOG_FILE to a smaller catalog file");
        }
        return content;
    }

    /** The currency of the default pricing amounts. */
    private static final String DEFAULT_CURRENCY = "USD";

    private static PricingPolicy pricing(LocalServerSettings settings, Currency currency) {
        BigDecimal taxRate = taxRate(settings.value("PRICING_TAX_RATE").orElse(DEFAULT_TAX_RATE));
        Money shippingFee = amount(settings, "PRICING_SHIPPING_FEE", DEFAULT_SHIPPING_FEE, currency);
        Money freeShippingFrom = amount(settings, "PRICING_FREE_SHIPPING_FROM", DEFAULT_FREE_SHIPPING_FROM, currency);
        return new PricingPolicy(taxRate, shippingFee, freeShippingFrom);
    }

    private static BigDecimal taxRate(String value) {
        // The ASCII pattern comes first, because BigDecimal also takes other scripts' digits and exponents.
        if (TAX_RATE.matcher(value).matches()) {
            BigDecimal rate = new BigDecimal(value);
            if (rate.compareTo(BigDecimal.ONE) <= 0) {
                return rate;
            }
        }
        throw new IllegalArgumentException("PRICING_TAX_RATE must be a decimal number between 0 and 1 such as 0.0825,"
                + " was " + quote(value));
    }

    private static Money amount(LocalServerSettings settings, String name, String defaultValue, Currency currency) {
        // The defaults are US dollar amounts: 5.00 would silently become 5 yen for a catalog in JPY.
        if (settings.value(name).isEmpty() && !currency.getCurrencyCode().equals(DEFAULT_CURRENCY)) {
            throw new IllegalArgumentException(name + " must be set for a catalog in " + currency
                    + ", because its default, " + defaultValue + ", is an amount in " + DEFAULT_CURRENCY);
        }
        String value = settings.value(name).orElse(defaultValue);
        if (AMOUNT.matcher(value).matches()) {
            try {
                return Money.parse(value, currency);
            } catch (IllegalArgumentException tooManyDecimals) {
                // Reported below, with the currency's decimals.
            }
        }
        int decimals = Money.minorUnitDigits(currency);
        String example = new BigDecimal(defaultValue).setScale(decimals, RoundingMode.DOWN).toPlainString();
        throw new IllegalArgumentException(name + " must be an amount in " + currency + " with " + decimals
                + " decimals such as " + example + ", was " + quote(value));
    }

    /** Quotes a setting's value for an error message, cut to about 40 characters so that the message stays short. */
    static String quote(String value) {
        String printable = value.codePoints()
                .map(codePoint -> Character.isISOControl(codePoint) ? '?' : codePoint)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        if (printable.length() <= MAX_QUOTED_LENGTH) {
            return "\"" + printable + "\"";
        }
        return "\"" + printable.substring(0, MAX_QUOTED_LENGTH - 3) + "...\" (" + value.length() + " characters)";
    }
}
