package dev.orderservice.lambda.s3import;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/** Builds the synchronous S3 client of the import function on the JDK's HTTP client. */
final class S3Clients {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /**
     * The maximum wait for the next bytes of a response. An import reads its object while it places lines, so
     * this also bounds how long placing {@link ObjectImporter#MAX_LINES_IN_FLIGHT} lines may hold the stream.
     */
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

    private S3Clients() {
    }

    static S3Client create(S3ImportSettings settings, AwsCredentialsProvider credentials) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT))
                .region(settings.region())
                .credentialsProvider(credentials);
        if (settings.endpoint() != null) {
            // S3-API servers for development, s3rver among them, store an aws-chunked body as it arrives, chunk
            // headers included, so bodies are sent whole, with checksums only where an operation requires them.
            builder.endpointOverride(settings.endpoint())
                    .forcePathStyle(true)
                    .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return builder.build();
    }
}
