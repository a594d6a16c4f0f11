package dev.orderservice.http.wiring;

import dagger.Module;
import dagger.Provides;
import dev.orderservice.core.port.out.OrderIdGenerator;
import java.time.Clock;

/** Provides what every deployment takes from the system: the UTC clock and random order ids. */
@Module
public interface SystemModule {

    @Provides
    static Clock clock() {
        return Clock.systemUTC();
    }

    @Provides
    static OrderIdGenerator orderIdGenerator() {
        return OrderIdGenerator.random();
    }
}
