package dev.orderservice.adapter.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class EventBridgeSettingsTest {

    @Test
    void defaults_publish_to_default_bus() {
        EventBridgeSettings settings = EventBridgeSettings.fromEnvironment(Map.of("AWS_REGION", "eu-west-1"));

        assertThat(settings.eventBusName()).isEqualTo("default");
        assertThat(settings.source()).isEqualTo("dev.orderservice.orders");
        assertThat(settings.endpoint()).isNull();
        assertThat(settings.region()).isEqualTo(Region.EU_WEST_1);
    }

    @Test
    void variables_set_bus_source_and_endpoint() {
        EventBridgeSettings settings = EventBridgeSettings.fromEnvironment(Map.of(
                "EVENT_BUS_NAME", "arn:aws:events:eu-west-1:123456789012:event-bus/orders",
                "EVENT_SOURCE", " com.example.shop ",
                "EVENTBRIDGE_ENDPOINT", "http://127.0.0.1:4010",
                "AWS_REGION", ""));

        assertThat(settings.eventBusName()).isEqualTo("arn:aws:events:eu-west-1:123456789012:event-bus/orders");
        assertThat(settings.source()).isEqualTo("com.example.shop");
        assertThat(settings.endpoint()).isEqualTo(URI.create("http://127.0.0.1:4010"));
        assertThat(settings.region()).isEqualTo(EventBridgeSettings.LOCAL_DEFAULT_REGION);
    }

    @Test
    void missing_region_without_endpoint_is_rejected() {
        assertThatThrownBy(() -> EventBridgeSettings.fromEnvironment(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AWS_REGION");
    }

    @Test
    void source_in_aws_namespace_is_rejected() {
        assertThatThrownBy(() -> EventBridgeSettings.fromEnvironment(Map.of("AWS_REGION", "eu-west-1",
                "EVENT_SOURCE", "aws.orders")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EVENT_SOURCE");
    }

    @Test
    void bus_name_with_slash_is_rejected() {
        assertThatThrownBy(() -> EventBridgeSettings.fromEnvironment(Map.of("AWS_REGION", "eu-west-1",
                "EVENT_BUS_NAME", "orders/other")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EVENT_BUS_NAME");
    }

    @Test
    void endpoint_without_host_is_rejected() {
        assertThatThrownBy(() -> EventBridgeSettings.fromEnvironment(Map.of("EVENTBRIDGE_ENDPOINT", "localhost:4010")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EVENTBRIDGE_ENDPOINT");
    }
}
