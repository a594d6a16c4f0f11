package dev.orderservice.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

class LambdaStoreCredentialsTest {

    @Test
    void remote_endpoint_signs_with_supplied_credentials() {
        AtomicInteger calls = new AtomicInteger();
        // The .invalid domain never resolves, and building a client opens no connection.
        DynamoDbSettings remote = settings(URI.create("http://dynamodb.invalid:8000"));

        try (DynamoDbStore store = DynamoDbStore.createForLambda(remote, () -> {
            calls.incrementAndGet();
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("id", "secret"));
        })) {
            assertThat(store.orderRepository()).isNotNull();
        }

        assertThat(calls).hasValue(1);
    }

    @Test
    void loopback_endpoint_needs_no_credentials() {
        AtomicInteger calls = new AtomicInteger();

        try (DynamoDbStore store = DynamoDbStore.createForLambda(settings(URI.create("http://127.0.0.1:8000")), () -> {
            calls.incrementAndGet();
            throw new IllegalStateException("a local endpoint must not ask for the role's credentials");
        })) {
            assertThat(store.productCatalog()).isNotNull();
        }

        assertThat(calls).hasValue(0);
    }

    private static DynamoDbSettings settings(URI endpoint) {
        return new DynamoDbSettings("orders", "products", endpoint, Region.US_EAST_1, "a-cursor-secret-of-32-characters");
    }
}
