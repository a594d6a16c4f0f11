package dev.orderservice.adapter.dynamodb;

import java.time.Clock;
import java.time.Duration;

/** Opens stores on a test server with a client that records its calls. */
final class TestStores {

    private TestStores() {
    }

    static DynamoDbStore open(DynamoDbSettings settings, OperationCounter counter) {
        return open(settings, counter, DynamoDbStore.CATALOG_CACHE_TTL, Clock.systemUTC());
    }

    static DynamoDbStore open(DynamoDbSettings settings, OperationCounter counter, Duration catalogTtl, Clock clock) {
        return new DynamoDbStore(DynamoDbClients.create(settings, override -> override.addExecutionInterceptor(counter)),
                settings, catalogTtl, clock);
    }
}
