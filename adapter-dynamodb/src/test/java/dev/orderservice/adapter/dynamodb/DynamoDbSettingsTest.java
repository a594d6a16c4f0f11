package dev.orderservice.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class DynamoDbSettingsTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    @Test
    void unset_tables_take_defaults() {
        DynamoDbSettings settings = DynamoDbSettings.fromEnvironment(Map.of("AWS_REGION", "eu-west-1"));

        assertThat(settings.ordersTable()).isEqualTo("orders");
        assertThat(settings.productsTable()).isEqualTo("products");
        assertThat(settings.endpoint()).isNull();
        assertThat(settings.region()).isEqualTo(Region.EU_WEST_1);
        assertThat(settings.cursorSecret()).isNull();
    }

    @Test
    void every_variable_is_read() {
        DynamoDbSettings settings = DynamoDbSettings.fromEnvironment(Map.of(
                "ORDERS_TABLE", "shop-orders",
                "PRODUCTS_TABLE", "shop-products",
                "DYNAMODB_ENDPOINT", "http://127.0.0.1:4567",
                "AWS_REGION", "eu-central-1",
                "ORDERS_CURSOR_SECRET", SECRET));

        assertThat(settings.ordersTable()).isEqualTo("shop-orders");
        assertThat(settings.productsTable()).isEqualTo("shop-products");
        assertThat(settings.endpoint()).isEqualTo(URI.create("http://127.0.0.1:4567"));
        assertThat(settings.region()).isEqualTo(Region.EU_CENTRAL_1);
        assertThat(settings.cursorSecret()).isEqualTo(SECRET);
        assertThat(settings.warnings()).isEmpty();
    }

    @Test
    void empty_variables_count_as_unset() {
        DynamoDbSettings settings = DynamoDbSettings.fromEnvironment(Map.of("ORDERS_TABLE", " ",
                "DYNAMODB_ENDPOINT", "", "AWS_REGION", "us-west-2", "ORDERS_CURSOR_SECRET", ""));

        assertThat(settings.ordersTable()).isEqualTo("orders");
        assertThat(settings.endpoint()).isNull();
        assertThat(settings.cursorSecret()).isNull();
    }

    @Test
    void local_endpoint_needs_no_region() {
        DynamoDbSettings settings = DynamoDbSettings.fromEnvironment(
                Map.of("DYNAMODB_ENDPOINT", "http://localhost:8000"));

        assertThat(settings.region()).isEqualTo(Region.US_EAST_1);
    }

    @Test
    void missing_region_without_endpoint_is_rejected() {
        assertThatThrownBy(() -> DynamoDbSettings.fromEnvironment(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AWS_REGION is not set");
    }

    @Test
    void missing_secret_is_a_warning() {
        DynamoDbSettings settings = DynamoDbSettings.fromEnvironment(Map.of("AWS_REGION", "eu-west-1"));

        assertThat(settings.warnings()).singleElement().asString()
                .contains("ORDERS_CURSOR_SECRET is not set")
                .contains("Lambda");
    }

    @Test
    void short_secret_is_rejected() {
        assertThatThrownBy(() -> DynamoDbSettings.fromEnvironment(
                Map.of("AWS_REGION", "eu-west-1", "ORDERS_CURSOR_SECRET", "too-short")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 16 bytes");
    }

    @Test
    void invalid_endpoints_are_rejected() {
        for (String endpoint : new String[] {"127.0.0.1:4567", "ftp://127.0.0.1", "http://", "http://bad host"}) {
            assertThatThrownBy(() -> DynamoDbSettings.fromEnvironment(Map.of("DYNAMODB_ENDPOINT", endpoint)))
                    .as(endpoint)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("http://127.0.0.1:4567");
        }
    }

    @Test
    void invalid_table_name_is_rejected() {
        assertThatThrownBy(() -> DynamoDbSettings.fromEnvironment(
                Map.of("AWS_REGION", "eu-west-1", "ORDERS_TABLE", "my orders")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"my orders\"");
    }

    @Test
    void equal_table_names_are_rejected() {
        assertThatThrownBy(() -> DynamoDbSettings.fromEnvironment(
                Map.of("AWS_REGION", "eu-west-1", "ORDERS_TABLE", "products")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ORDERS_TABLE")
                .hasMessageContaining("PRODUCTS_TABLE")
                .hasMessageContaining("\"products\"");
    }

    @Test
    void text_form_hides_the_secret() {
        DynamoDbSettings settings = DynamoDbSettings.fromEnvironment(
                Map.of("AWS_REGION", "eu-west-1", "ORDERS_CURSOR_SECRET", SECRET));

        assertThat(settings.toString()).doesNotContain(SECRET).contains("cursorSecret=set");
    }

    @Test
    void only_loopback_endpoints_count_as_local() {
        assertThat(withEndpoint("http://127.0.0.1:4567").hasLoopbackEndpoint()).isTrue();
        assertThat(withEndpoint("http://localhost:4567").hasLoopbackEndpoint()).isTrue();
        assertThat(withEndpoint("http://[::1]:4567").hasLoopbackEndpoint()).isTrue();
        assertThat(withEndpoint("https://dynamodb.eu-west-1.amazonaws.com").hasLoopbackEndpoint()).isFalse();
        assertThat(withEndpoint("http://10.1.2.3:4567").hasLoopbackEndpoint()).isFalse();
        assertThat(DynamoDbSettings.fromEnvironment(Map.of("AWS_REGION", "eu-west-1")).hasLoopbackEndpoint())
                .isFalse();
    }

    private static DynamoDbSettings withEndpoint(String endpoint) {
        return DynamoDbSettings.fromEnvironment(Map.of("DYNAMODB_ENDPOINT", endpoint));
    }
}
