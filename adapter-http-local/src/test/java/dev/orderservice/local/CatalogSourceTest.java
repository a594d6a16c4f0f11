package dev.orderservice.local;

import static dev.orderservice.http.contract.TestRequest.get;
import static dev.orderservice.http.contract.TestRequest.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.orderservice.core.domain.Money;
import dev.orderservice.core.domain.PricingPolicy;
import dev.orderservice.http.contract.ApiClient;
import dev.orderservice.http.contract.ApiClient.ApiResponse;
import dev.orderservice.http.contract.HttpClientApiClient;
import dev.orderservice.http.contract.JsonBody;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Currency;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The catalog and pricing policy that the local server starts with, and the start-up failures for invalid ones. */
class CatalogSourceTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");

    @TempDir
    Path directory;

    @Test
    void demo_catalog_is_the_default() {
        CatalogSource source = CatalogSource.load(LocalServerSettings.forTest(Map.of()));

        assertThat(source.products()).hasSize(5);
        assertThat(source.pricing()).isEqualTo(PricingPolicy.demo());
        assertThat(source.description()).contains("demo catalog", "5 products");
    }

    @Test
    void catalog_file_and_pricing_settings_are_used() throws IOException {
        Path file = write("catalog.json", "{\"items\":[\n" + product("SKU-TEA", "1500", "JPY") + "\n]}");

        CatalogSource source = CatalogSource.load(LocalServerSettings.forTest(Map.of("CATALOG_FILE", file.toString(),
                "PRICING_TAX_RATE", "0.10", "PRICING_SHIPPING_FEE", "500", "PRICING_FREE_SHIPPING_FROM", "10000")));

        assertThat(source.products()).hasSize(1);
        assertThat(source.products().get(0).unitPrice()).isEqualTo(Money.parse("1500", JPY));
        assertThat(source.pricing()).isEqualTo(new PricingPolicy(new BigDecimal("0.10"), Money.parse("500", JPY),
                Money.parse("10000", JPY)));
        assertThat(source.description()).contains(file.toString(), "1 products");
    }

    @Test
    void catalog_in_another_currency_needs_its_own_shipping_amounts() throws IOException {
        Path file = write("catalog.json", "{\"items\":[\n" + product("SKU-TEA", "1500", "JPY") + "\n]}");
        LocalServerSettings settings = LocalServerSettings.forTest(Map.of("CATALOG_FILE", file.toString()));

        assertThatThrownBy(() -> CatalogSource.load(settings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PRICING_SHIPPING_FEE must be set for a catalog in JPY");
    }

    @Test
    void negative_price_stops_the_start() throws IOException {
        Path file = write("catalog.json", catalogWithThirdLine(product("SKU-HAT", "-1.00", "USD")));

        assertThatThrownBy(() -> CatalogSource.load(settingsWith(file)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CATALOG_FILE")
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 3")
                .hasMessageContaining("SKU-HAT");
    }

    @Test
    void too_many_decimals_stop_the_start() throws IOException {
        Path file = write("catalog.json", catalogWithThirdLine(product("SKU-HAT", "19.999", "USD")));

        assertThatThrownBy(() -> CatalogSource.load(settingsWith(file)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 3")
                .hasMessageContaining("19.999");
    }

    @Test
    void price_with_exponent_stops_the_start() throws IOException {
        Path file = write("catalog.json", catalogWithThirdLine(product("SKU-HAT", "1e999999", "USD")));

        assertThatThrownBy(() -> CatalogSource.load(settingsWith(file)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999", "1e9999999999"})
    void price_as_json_number_stops_the_start(String number) throws IOException {
        String hat = "{\"sku\":\"SKU-HAT\",\"name\":\"Hat\",\"unitPrice\":" + number
                + ",\"currency\":\"USD\",\"available\":true}";
        Path file = write("catalog.json", catalogWithThirdLine(hat));

        assertThatThrownBy(() -> CatalogSource.load(settingsWith(file)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 3");
    }

    @Test
    void missing_file_stops_the_start_naming_it() {
        Path missing = directory.resolve("no-such-catalog.json");

        assertThatThrownBy(() -> CatalogSource.load(settingsWith(missing)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CATALOG_FILE")
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void endless_catalog_file_stops_the_start() {
        Path endless = Path.of("/dev/zero");
        assumeTrue(Files.isReadable(endless), "needs /dev/zero");

        assertThatThrownBy(() -> CatalogSource.load(settingsWith(endless)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CATALOG_FILE /dev/zero is larger than the limit of 33554432 bytes (32 MiB); set"
                        + " CATALOG_FILE to a smaller catalog file");
    }

    @Test
    void file_over_the_limit_is_not_read() throws IOException {
        Path file = write("catalog.json", "0123456789A");

        assertThat(CatalogSource.readAtMost(file, 11)).hasSize(11);
        assertThatThrownBy(() -> CatalogSource.readAtMost(file, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("limit of 10 bytes");
    }

    @Test
    void empty_catalog_file_flag_stops_the_start() {
        LocalServerSettings settings = LocalServerSettings.from(Map.of(), "--catalog-file=");

        assertThatThrownBy(() -> CatalogSource.load(settings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("CATALOG_FILE is empty;");
    }

    @Test
    void catalog_directory_stops_the_start() {
        assertThatThrownBy(() -> CatalogSource.load(settingsWith(directory)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CATALOG_FILE " + directory + " is a directory; set it to a JSON catalog file");
    }

    @Test
    void malformed_json_stops_the_start() throws IOException {
        Path file = write("catalog.json", catalogWithThirdLine("{\"sku\": \"SKU-HAT\",, }"));

        assertThatThrownBy(() -> CatalogSource.load(settingsWith(file)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PRICING_SHIPPING_FEE=5.001", "PRICING_FREE_SHIPPING_FROM=-1.00",
        "PRICING_SHIPPING_FEE=5e1", "PRICING_SHIPPING_FEE=\u0665.00", "PRICING_FREE_SHIPPING_FROM=\uff17\uff15"})
    void invalid_pricing_amount_stops_the_start(String setting) {
        String[] nameAndValue = setting.split("=", 2);

        assertThatThrownBy(() -> CatalogSource.load(LocalServerSettings.forTest(Map.of(nameAndValue[0],
                nameAndValue[1]))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(nameAndValue[0] + " must be an amount in USD with 2 decimals such as "
                        + (nameAndValue[0].equals("PRICING_SHIPPING_FEE") ? "5.00" : "75.00") + ", was \""
                        + nameAndValue[1] + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.5", "-0.1", "1e-2", "0x1", "0.1.2", "\u0660.\u0661", "0,1"})
    void invalid_tax_rate_names_the_setting(String rate) {
        assertThatThrownBy(() -> CatalogSource.load(LocalServerSettings.forTest(Map.of("PRICING_TAX_RATE", rate))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PRICING_TAX_RATE must be a decimal number between 0 and 1 such as 0.0825, was \"" + rate
                        + "\"");
    }

    @Test
    void huge_tax_rate_gives_short_message() {
        String huge = "1e" + "9".repeat(999_998);

        assertThatThrownBy(() -> CatalogSource.load(LocalServerSettings.forTest(Map.of("PRICING_TAX_RATE", huge))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("PRICING_TAX_RATE must be a decimal number")
                .hasMessageContaining("\"1e99999")
                .hasMessageContaining("(1000000 characters)")
                .hasMessageNotContaining("9".repeat(40))
                .message().hasSizeLessThan(150);
    }

    @Test
    void quoted_value_has_no_line_breaks() {
        assertThat(CatalogSource.quote("0.1\n0.2")).isEqualTo("\"0.1?0.2\"");
    }

    @Test
    void server_with_invalid_catalog_does_not_start() throws IOException {
        Path file = write("catalog.json", catalogWithThirdLine(product("SKU-HAT", "-1.00", "USD")));
        LocalServerComponent component = InMemoryLocalServerComponent.create(settingsWith(file));

        assertThatThrownBy(component::server)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 3");
    }

    @Test
    void server_prices_from_configured_catalog() throws IOException {
        Path file = write("catalog.json", "{\"items\":[\n" + product("SKU-TEA", "1500", "JPY") + "\n]}");
        LocalServerSettings settings = LocalServerSettings.forTest(Map.of("CATALOG_FILE", file.toString(),
                "PRICING_TAX_RATE", "0.10", "PRICING_SHIPPING_FEE", "500", "PRICING_FREE_SHIPPING_FROM", "10000"));
        LocalServer server = InMemoryLocalServerComponent.create(settings).server().start();
        try {
            ApiClient client = HttpClientApiClient.onLocalPort(server.port());

            ApiResponse products = client.send(get("/products").build());
            ApiResponse placed = client.send(post("/orders")
                    .json("{\"customerId\":\"cust-tea\",\"items\":[{\"sku\":\"SKU-TEA\",\"quantity\":3}]}").build());

            assertThat(JsonBody.of(products).strings("items", "sku")).containsExactly("SKU-TEA");
            assertThat(JsonBody.of(products).string("items[0].unitPrice")).isEqualTo("1500");
            assertThat(placed.status()).isEqualTo(201);
            JsonBody order = JsonBody.of(placed);
            assertThat(order.string("currency")).isEqualTo("JPY");
            assertThat(order.string("subtotal")).isEqualTo("4500");
            assertThat(order.string("tax")).isEqualTo("450");
            assertThat(order.string("shipping")).isEqualTo("500");
            assertThat(order.string("total")).isEqualTo("5450");
        } finally {
            server.stop();
        }
    }

    @Test
    void server_allows_every_configured_origin() {
        LocalServerSettings settings = LocalServerSettings.forTest(Map.of("CORS_ALLOWED_ORIGINS",
                "https://a.example.test, https://b.example.test"));
        LocalServer server = InMemoryLocalServerComponent.create(settings).server().start();
        try {
            ApiClient client = HttpClientApiClient.onLocalPort(server.port());

            ApiResponse fromA = client.send(get("/products").header("Origin", "https://a.example.test").build());
            ApiResponse fromB = client.send(get("/products").header("Origin", "https://b.example.test").build());
            ApiResponse fromC = client.send(get("/products").header("Origin", "https://c.example.test").build());

            assertThat(fromA.header("Access-Control-Allow-Origin")).hasValue("https://a.example.test");
            assertThat(fromB.header("Access-Control-Allow-Origin")).hasValue("https://b.example.test");
            assertThat(fromC.header("Access-Control-Allow-Origin")).isEmpty();
        } finally {
            server.stop();
        }
    }

    @Test
    void server_without_configured_origins_allows_none() {
        LocalServer server = InMemoryLocalServerComponent.create(LocalServerSettings.forTest(Map.of())).server()
                .start();
        try {
            ApiClient client = HttpClientApiClient.onLocalPort(server.port());

            ApiResponse response = client.send(get("/products").header("Origin", "https://a.example.test").build());

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Access-Control-Allow-Origin")).isEmpty();
        } finally {
            server.stop();
        }
    }

    /** Returns a catalog whose line 2 is a valid mug and whose line 3 is {@code thirdLine}. */
    private static String catalogWithThirdLine(String thirdLine) {
        return "{\"items\": [\n" + product("SKU-MUG-01", "12.50", "USD") + ",\n" + thirdLine + "\n]}\n";
    }

    private static String product(String sku, String unitPrice, String currency) {
        return "{\"sku\":\"" + sku + "\",\"name\":\"Test product\",\"unitPrice\":\"" + unitPrice + "\",\"currency\":\""
                + currency + "\",\"available\":true}";
    }

    private static LocalServerSettings settingsWith(Path catalogFile) {
        return LocalServerSettings.forTest(Map.of("CATALOG_FILE", catalogFile.toString()));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
    }
}
