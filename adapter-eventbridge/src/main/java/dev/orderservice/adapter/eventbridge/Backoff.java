package dev.orderservice.adapter.eventbridge;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Waits between the attempts of a {@code PutEvents} call; tests replace it to run without waiting. */
@FunctionalInterface
interface Backoff {

    /** The wait before the second attempt; each later attempt waits twice as long, up to {@link #MAX_DELAY}. */
    Duration BASE_DELAY = Duration.ofMillis(100);
    Duration MAX_DELAY = Duration.ofSeconds(2);

    /** Waits before attempt number {@code attempt}, which is 2 or more. */
    void pauseBefore(int attempt);

    /**
     * Returns the backoff that production uses: exponential, with the upper half of each delay drawn at random,
     * so that functions throttled together do not all retry in the same instant.
     */
    static Backoff exponential() {
        return attempt -> sleep(delayBefore(attempt, ThreadLocalRandom.current().nextDouble()));
    }

    /** Returns the delay before an attempt, for a random number in [0, 1). */
    static Duration delayBefore(int attempt, double random) {
        long doubled = BASE_DELAY.toMillis() << Math.min(attempt - 2, 16);
        long ceiling = Math.min(doubled, MAX_DELAY.toMillis());
        return Duration.ofMillis(ceiling / 2 + (long) (random * (ceiling / 2)));
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to send events to EventBridge again",
                    interrupted);
        }
    }
}
