package dev.orderservice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderservice.local.LocalServerSettings.Store;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalServerSettingsTest {

    @Test
    void defaults_serve_memory_on_loopback_port_8080() {
        LocalServerSettings settings = LocalServerSettings.from(Map.of());

        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.store()).isEqualTo(Store.MEMORY);
        assertThat(settings.catalogFile()).isEmpty();
        assertThat(settings.value("CORS_ALLOWED_ORIGINS")).isEmpty();
    }

    @Test
    void environment_sets_every_value() {
        Map<String, String> environment = Map.of("PORT", "9000", "HOST", "0.0.0.0", "ORDERS_STORE", "dynamodb",
                "CATALOG_FILE", "/etc/catalog.json", "CORS_ALLOWED_ORIGINS", "https://a.test",
                "DYNAMODB_ENDPOINT", "http://127.0.0.1:8000");

        LocalServerSettings settings = LocalServerSettings.from(environment);

        assertThat(settings.port()).isEqualTo(9000);
        assertThat(settings.host()).isEqualTo("0.0.0.0");
        assertThat(settings.store()).isEqualTo(Store.DYNAMODB);
        assertThat(settings.catalogFile()).contains(Path.of("/etc/catalog.json"));
        assertThat(settings.value("CORS_ALLOWED_ORIGINS")).contains("https://a.test");
        assertThat(settings.value("DYNAMODB_ENDPOINT")).contains("http://127.0.0.1:8000");
        assertThat(settings.values()).containsEntry("DYNAMODB_ENDPOINT", "http://127.0.0.1:8000");
    }

    @Test
    void flags_override_the_environment() {
        Map<String, String> environment = Map.of("PORT", "9000", "HOST", "0.0.0.0", "ORDERS_STORE", "dynamodb",
                "CATALOG_FILE", "/etc/catalog.json", "CORS_ALLOWED_ORIGINS", "https://a.test");

        LocalServerSettings settings = LocalServerSettings.from(environment, "--port", "9100", "--host", "localhost",
                "--store", "memory", "--catalog-file", "/tmp/other.json", "--cors-allowed-origins", "https://b.test");

        assertThat(settings.port()).isEqualTo(9100);
        assertThat(settings.host()).isEqualTo("localhost");
        assertThat(settings.store()).isEqualTo(Store.MEMORY);
        assertThat(settings.catalogFile()).contains(Path.of("/tmp/other.json"));
        assertThat(settings.value("CORS_ALLOWED_ORIGINS")).contains("https://b.test");
    }

    @Test
    void flags_may_use_an_equals_sign() {
        LocalServerSettings settings = LocalServerSettings.from(Map.of("PORT", "9000"), "--port=9200",
                "--cors-allowed-origins=https://a.test,https://b.test");

        assertThat(settings.port()).isEqualTo(9200);
        assertThat(settings.value("CORS_ALLOWED_ORIGINS")).contains("https://a.test,https://b.test");
    }

    @Test
    void later_flag_wins() {
        LocalServerSettings settings = LocalServerSettings.from(Map.of(), "--port", "9000", "--port=9001");

        assertThat(settings.port()).isEqualTo(9001);
    }

    @Test
    void blank_environment_values_count_as_unset() {
        LocalServerSettings settings = LocalServerSettings.from(Map.of("PORT", "  ", "ORDERS_STORE", ""));

        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.store()).isEqualTo(Store.MEMORY);
    }

    @Test
    void environment_values_are_trimmed() {
        LocalServerSettings settings = LocalServerSettings.from(Map.of("PORT", " 9000\n", "ORDERS_STORE", " Memory "));

        assertThat(settings.port()).isEqualTo(9000);
        assertThat(settings.store()).isEqualTo(Store.MEMORY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "65535"})
    void port_from_0_to_65535_is_accepted(String port) {
        LocalServerSettings settings = LocalServerSettings.from(Map.of("PORT", port));

        assertThat(settings.port()).isEqualTo(Integer.parseInt(port));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "65536", "80.5", "99999999999", "0x50", "8080 8081"})
    void invalid_port_names_the_setting_and_the_value(String port) {
        assertThatThrownBy(() -> LocalServerSettings.from(Map.of("PORT", port)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PORT")
                .hasMessageContaining("0 to 65535")
                .hasMessageContaining("\"" + port + "\"");
    }

    @Test
    void invalid_port_flag_names_the_setting() {
        assertThatThrownBy(() -> LocalServerSettings.from(Map.of("PORT", "8080"), "--port", "http"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PORT")
                .hasMessageContaining("\"http\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis", "memory,dynamodb", "in-memory"})
    void unknown_store_names_the_setting_and_the_choices(String store) {
        assertThatThrownBy(() -> LocalServerSettings.from(Map.of("ORDERS_STORE", store)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ORDERS_STORE")
                .hasMessageContaining("memory or dynamodb")
                .hasMessageContaining("\"" + store + "\"");
    }

    @Test
    void store_name_is_case_insensitive() {
        assertThat(LocalServerSettings.from(Map.of("ORDERS_STORE", "DynamoDB")).store()).isEqualTo(Store.DYNAMODB);
    }

    @Test
    void unknown_flag_lists_the_known_ones() {
        assertThatThrownBy(() -> LocalServerSettings.from(Map.of(), "--prot", "9000"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--prot")
                .hasMessageContaining("--port");
    }

    @Test
    void flag_without_a_value_is_rejected() {
        assertThatThrownBy(() -> LocalServerSettings.from(Map.of(), "--port"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--port")
                .hasMessageContaining("value");
    }

    @Test
    void pricing_settings_have_no_flags() {
        assertThatThrownBy(() -> LocalServerSettings.from(Map.of(), "--pricing-tax-rate", "0.1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void test_settings_listen_on_any_free_port() {
        LocalServerSettings settings = LocalServerSettings.forTest(Map.of("CORS_ALLOWED_ORIGINS", "https://a.test"));

        assertThat(settings.port()).isZero();
        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.value("CORS_ALLOWED_ORIGINS")).contains("https://a.test");
    }

    @Test
    void test_settings_keep_a_given_port() {
        assertThat(LocalServerSettings.forTest(Map.of("PORT", "9300")).port()).isEqualTo(9300);
    }
}
