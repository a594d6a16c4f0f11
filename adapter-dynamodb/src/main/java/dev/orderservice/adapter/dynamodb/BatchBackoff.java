package dev.orderservice.adapter.dynamodb;

import dev.orderservice.core.domain.OrderException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The waits between the rounds of a batch call whose unprocessed keys or items are sent again.
 *
 * <p>DynamoDB returns part of a batch unprocessed when a partition is throttled, and the SDK does not resend it
 * itself. The delay doubles each round, half of it random so that concurrent callers spread out, and the
 * rounds are bounded, so a table that stays throttled ends in {@code UNAVAILABLE} rather than a long wait.
 */
final class BatchBackoff {

    static final int MAX_ROUNDS = 5;
    static final Duration FIRST_DELAY = Duration.ofMillis(50);

    private BatchBackoff() {
    }

    /**
     * Waits before round {@code round} (2 to {@link #MAX_ROUNDS}) of a batch call: up to 50, 100, 200 and 400 ms.
     *
     * @throws OrderException {@code UNAVAILABLE} when the thread is interrupted while it waits
     */
    static void pauseBefore(int round, String operation) {
        long ceiling = FIRST_DELAY.toMillis() << (round - 2);
        long delay = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        try {
            Thread.sleep(delay);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw OrderException.unavailable(operation + " was interrupted while it waited to resend unprocessed"
                    + " keys", interrupted);
        }
    }

    static OrderException exhausted(String operation, String table, int unprocessed) {
        return OrderException.unavailable("DynamoDB " + operation + " on table " + table + " left " + unprocessed
                + " keys unprocessed after " + MAX_ROUNDS + " rounds, so the table is throttling; retry later", null);
    }
}
