package dev.orderservice.adapter.eventbridge;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClientBuilder;

/**
 * Builds the synchronous EventBridge client on the JDK's HTTP client, with timeouts short enough that an
 * unreachable endpoint fails a call within seconds.
 */
final class EventBridgeClients {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(5);
    /** One call; the publisher makes at most {@link EventBridgeOrderEventPublisher#MAX_ATTEMPTS} of them. */
    static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(5);

    private EventBridgeClients() {
    }

    static EventBridgeClient create(EventBridgeSettings settings, AwsCredentialsProvider credentials) {
        EventBridgeClientBuilder builder = EventBridgeClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT))
                .region(settings.region())
                .credentialsProvider(credentials)
                // The publisher retries itself, per entry, so an SDK retry would only multiply the attempts.
                .overrideConfiguration(override -> override
                        .retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(API_CALL_TIMEOUT));
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder.build();
    }
}
