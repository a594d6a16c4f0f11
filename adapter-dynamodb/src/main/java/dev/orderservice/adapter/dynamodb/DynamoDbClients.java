package dev.orderservice.adapter.dynamodb;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the synchronous DynamoDB client on the JDK's HTTP client, with timeouts short enough that an
 * unreachable endpoint fails a request within seconds instead of holding it until the caller gives up.
 */
final class DynamoDbClients {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(5);
    /** One HTTP attempt; DynamoDB completes single-item calls in milliseconds, so this only cuts off a hung call. */
    static final Duration API_CALL_ATTEMPT_TIMEOUT = Duration.ofSeconds(5);
    /** All attempts of one call, the SDK's retries with their backoff included. */
    static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(15);

    private DynamoDbClients() {
    }

    static DynamoDbClient create(DynamoDbSettings settings) {
        return create(settings, override -> { });
    }

    /**
     * Builds a client and lets the caller add to its override configuration, as tests do to count calls or
     * shorten the retry backoff.
     */
    static DynamoDbClient create(DynamoDbSettings settings, Consumer<ClientOverrideConfiguration.Builder> tuning) {
        return create(settings, () -> DefaultCredentialsProvider.builder().build(), tuning);
    }

    /**
     * Builds a client that signs with {@code awsCredentials} unless the endpoint is on this machine.
     *
     * @param awsCredentials creates the provider for AWS itself, such as the environment variables that Lambda sets
     */
    static DynamoDbClient create(DynamoDbSettings settings, Supplier<AwsCredentialsProvider> awsCredentials,
            Consumer<ClientOverrideConfiguration.Builder> tuning) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT))
                .region(settings.region())
                .credentialsProvider(credentials(settings, awsCredentials))
                .overrideConfiguration(override -> {
                    override.apiCallAttemptTimeout(API_CALL_ATTEMPT_TIMEOUT).apiCallTimeout(API_CALL_TIMEOUT);
                    tuning.accept(override);
                });
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(DynamoDbSettings settings,
            Supplier<AwsCredentialsProvider> awsCredentials) {
        if (settings.hasLoopbackEndpoint()) {
            // A development server checks no signature, and the default chain could otherwise wait on the
            // instance metadata service of a machine that has none.
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        }
        return awsCredentials.get();
    }
}
