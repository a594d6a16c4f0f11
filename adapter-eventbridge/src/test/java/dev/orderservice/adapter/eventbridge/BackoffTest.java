package dev.orderservice.adapter.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void delay_doubles_per_attempt() {
        assertThat(Backoff.delayBefore(2, 0.999)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(Backoff.delayBefore(3, 0.999)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(Backoff.delayBefore(4, 0.999)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void delay_is_at_least_half_its_ceiling() {
        assertThat(Backoff.delayBefore(3, 0.0)).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void delay_stops_growing_at_max() {
        assertThat(Backoff.delayBefore(40, 0.999)).isLessThanOrEqualTo(Backoff.MAX_DELAY);
        assertThat(Backoff.delayBefore(40, 0.0)).isEqualTo(Backoff.MAX_DELAY.dividedBy(2));
    }
}
