package dev.orderservice.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderservice.core.application.ApplyOrderEventService;
import dev.orderservice.core.domain.CustomerId;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The event path that SnapStart priming runs before the snapshot, which must store and log nothing. */
class EventPrimingTest {

    private final EventFunction function = EventFunction.inMemory();

    @Test
    void priming_finds_no_order_and_logs_nothing() {
        new EventPriming(function.applyEvent(), function.log()).prime();

        assertThat(function.logText()).isEmpty();
        assertThat(function.orders().findByCustomer(new CustomerId("cust-42"), 10, null).orders()).hasSize(3);
        assertThat(function.order(EventFunction.ORDER_A).version()).isEqualTo(1);
    }

    @Test
    void priming_on_a_failing_store_warns() {
        StoreOutage outage = new StoreOutage(function.orders());
        outage.startAfter(0);

        new EventPriming(new ApplyOrderEventService(outage, Clock.systemUTC()), function.log()).prime();

        assertThat(function.logLines()).hasSize(1);
        assertThat(function.logLines().get(0).string("level")).isEqualTo("WARN");
        assertThat(function.logLines().get(0).string("message")).contains("UNAVAILABLE", "permissions");
    }
}
