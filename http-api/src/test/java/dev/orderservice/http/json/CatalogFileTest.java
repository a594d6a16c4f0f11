package dev.orderservice.http.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderservice.core.domain.Money;
import dev.orderservice.core.domain.Product;
import dev.orderservice.core.domain.Sku;
import dev.orderservice.http.json.CatalogFile.InvalidCatalogException;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CatalogFileTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");

    /** Returns a catalog with the mug on line 2, the poster on line 3 and the product under test on line 4. */
    private static String catalogWith(String fourthLine) {
        return "{\"items\": [\n"
                + "  {\"sku\": \"SKU-MUG-01\", \"name\": \"Ceramic Mug\", \"unitPrice\": \"12.50\", \"currency\": \"USD\", \"available\": true},\n"
                + "  {\"sku\": \"SKU-POSTER-A2\", \"name\": \"Poster A2\", \"unitPrice\": \"7.25\", \"currency\": \"USD\", \"available\": false},\n"
                + "  " + fourthLine + "\n"
                + "]}\n";
    }

    private static String product(String sku, String unitPrice, String currency) {
        return "{\"sku\": \"" + sku + "\", \"name\": \"Test product\", \"unitPrice\": " + unitPrice
                + ", \"currency\": \"" + currency + "\", \"available\": true}";
    }

    @Test
    void good_file_is_read_in_order() {
        List<Product> products = parse(catalogWith(product("SKU-HAT", "\"19.9\"", "USD")));

        assertThat(products).containsExactly(
                new Product(new Sku("SKU-MUG-01"), "Ceramic Mug", Money.parse("12.50", USD), true),
                new Product(new Sku("SKU-POSTER-A2"), "Poster A2", Money.parse("7.25", USD), false),
                new Product(new Sku("SKU-HAT"), "Test product", Money.parse("19.90", USD), true));
    }

    @Test
    void body_of_get_products_is_a_catalog_file() {
        byte[] body = JsonWriter.products(List.of(
                new Product(new Sku("SKU-MUG-01"), "Ceramic Mug", Money.parse("12.50", USD), true),
                new Product(new Sku("SKU-UMBRELLA"), "Travel Umbrella", Money.parse("24.00", USD), false)));

        List<Product> products = CatalogFile.parse(body);

        assertThat(products).extracting(Product::sku).containsExactly(new Sku("SKU-MUG-01"), new Sku("SKU-UMBRELLA"));
        assertThat(products.get(1).available()).isFalse();
    }

    @Test
    void catalog_in_yen_has_no_decimals() {
        String json = "{\"items\":[" + product("SKU-TEA", "\"1500\"", "JPY") + "]}";

        List<Product> products = parse(json);

        assertThat(products.get(0).unitPrice()).isEqualTo(Money.parse("1500", JPY));
        assertThat(products.get(0).unitPrice().toPlainString()).isEqualTo("1500");
    }

    @Test
    void file_with_a_byte_order_mark_is_read() {
        List<Product> products = parse("\uFEFF" + catalogWith(product("SKU-HAT", "\"1.00\"", "USD")));

        assertThat(products).hasSize(3);
    }

    @Test
    void negative_price_names_its_line() {
        assertThatThrownBy(() -> parse(catalogWith(product("SKU-HAT", "\"-1.00\"", "USD"))))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageStartingWith("line 4:")
                .hasMessageContaining("SKU-HAT")
                .hasMessageContaining("negative");
    }

    @Test
    void extra_decimals_name_their_line() {
        assertThatThrownBy(() -> parse(catalogWith(product("SKU-HAT", "\"19.999\"", "USD"))))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageStartingWith("line 4:")
                .hasMessageContaining("19.999");
    }

    @Test
    void decimals_in_yen_name_their_line() {
        assertThatThrownBy(() -> parse(catalogWith(product("SKU-HAT", "\"15.5\"", "JPY"))))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageStartingWith("line 4:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1e999999\"", "\"1E3\"", "\"12,50\"", "\" 12.50\"", "\"+12.50\"", "\"\"", "\"NaN\"",
        "\"1234567890123456.00\""})
    void price_that_is_not_a_plain_decimal_names_its_line(String unitPrice) {
        assertThatThrownBy(() -> parse(catalogWith(product("SKU-HAT", unitPrice, "USD"))))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageStartingWith("line 4:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.50", "1e999999", "1e9999999999"})
    void price_as_a_json_number_names_its_line(String unitPrice) {
        assertThatThrownBy(() -> parse(catalogWith(product("SKU-HAT", unitPrice, "USD"))))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageStartingWith("line 4:")
                .hasMessageContaining("unitPrice");
    }

    @Test
    void unknown_field_names_its_line() {
        String hat = "{\"sku\": \"SKU-HAT\", \"name\": \"Hat\", \"unitPrice\": \"1.00\", \"currency\": \"USD\", "
                + "\"available\": true, \"colour\": \"red\"}";

        assertThatThrownBy(() -> parse(catalogWith(hat)))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageStartingWith("line 4:")
                .hasMessageContaining("colour");
    }

    @Test
    void unknown_top_level_field_is_rejected() {
        assertThatThrownBy(() -> parse("{\"items\":[" + product("SKU-HAT", "\"1.00\"", "USD") + "],\"version\":2}"))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageStartingWith("line 1:")
                .hasMessageContaining("version");
    }

    @Test
    void missing_field_names_its_line() {
        String hat = "{\"sku\": \"SKU-HAT\", \"name\": \"Hat\", \"unitPrice\": \"1.00\", \"currency\": \"USD\"}";

        assertThatThrownBy(() -> parse(catalogWith(hat)))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageStartingWith("line 4:")
                .hasMessageContaining("available");
    }

    @ParameterizedTest
    @ValueSource(strings = {"XYZ", "usd", "XXX"})
    void currency_that_cannot_price_goods_names_its_line(String currency) {
        assertThatThrownBy(() -> parse(catalogWith(product("SKU-HAT", "\"1.00\"", currency))))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageStartingWith("line 4:");
    }

    @Test
    void invalid_sku_names_its_line() {
        assertThatThrownBy(() -> parse(catalogWith(product("SKU HAT", "\"1.00\"", "USD"))))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageStartingWith("line 4:");
    }

    @Test
    void blank_name_names_its_line() {
        String hat = "{\"sku\": \"SKU-HAT\", \"name\": \" \", \"unitPrice\": \"1.00\", \"currency\": \"USD\", "
                + "\"available\": true}";

        assertThatThrownBy(() -> parse(catalogWith(hat)))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageStartingWith("line 4:");
    }

    @Test
    void duplicate_sku_names_its_second_line() {
        assertThatThrownBy(() -> parse(catalogWith(product("SKU-MUG-01", "\"9.00\"", "USD"))))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageContaining("SKU-MUG-01")
                .hasMessageStartingWith("line 4:");
    }

    @Test
    void mixed_currency_names_its_line() {
        assertThatThrownBy(() -> parse(catalogWith(product("SKU-HAT", "\"900\"", "JPY"))))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageContaining("JPY")
                .hasMessageStartingWith("line 4:");
    }

    @Test
    void malformed_json_names_its_line() {
        assertThatThrownBy(() -> parse(catalogWith("{\"sku\": \"SKU-HAT\",, }")))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageStartingWith("line 4:");
    }

    @Test
    void duplicate_key_names_its_line() {
        String hat = "{\"sku\": \"SKU-HAT\", \"sku\": \"SKU-CAP\", \"name\": \"Hat\", \"unitPrice\": \"1.00\", "
                + "\"currency\": \"USD\", \"available\": true}";

        assertThatThrownBy(() -> parse(catalogWith(hat)))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageStartingWith("line 4:")
                .hasMessageContaining("sku");
    }

    @Test
    void non_object_item_names_its_line() {
        assertThatThrownBy(() -> parse(catalogWith("\"SKU-HAT\"")))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageStartingWith("line 4:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "{}", "{\"items\":{}}", "{\"items\":null}", "\"catalog\""})
    void file_that_is_not_a_catalog_object_is_rejected(String json) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageStartingWith("line 1:");
    }

    @Test
    void empty_catalog_is_rejected() {
        assertThatThrownBy(() -> parse("{\"items\": []}"))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageContaining("at least one product");
    }

    @Test
    void file_that_is_not_utf8_is_rejected() {
        byte[] latin1 = ("{\"items\":[{\"sku\":\"SKU-HAT\",\"name\":\"Größe\",\"unitPrice\":\"1.00\","
                + "\"currency\":\"USD\",\"available\":true}]}").getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> CatalogFile.parse(latin1))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageContaining("UTF-8");
    }

    private static List<Product> parse(String json) {
        return CatalogFile.parse(json.getBytes(StandardCharsets.UTF_8));
    }
}
