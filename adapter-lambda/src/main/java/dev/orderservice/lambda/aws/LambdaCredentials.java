package dev.orderservice.lambda.aws;

import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The credentials of a Lambda function's role, taken from the variables Lambda sets, so that building a client
 * neither walks the SDK's default provider chain nor can reach an instance metadata address.
 */
public final class LambdaCredentials {

    private LambdaCredentials() {
    }

    /**
     * Returns the credentials in {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} and
     * {@code AWS_SESSION_TOKEN}, as Lambda sets them for a function without SnapStart. With SnapStart, Lambda sets
     * {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} instead, and the credentials come from that endpoint.
     *
     * @throws IllegalArgumentException when neither the keys nor the container endpoint are set
     */
    public static AwsCredentialsProvider fromEnvironment(Map<String, String> environment) {
        String accessKeyId = environment.get("AWS_ACCESS_KEY_ID");
        String secretAccessKey = environment.get("AWS_SECRET_ACCESS_KEY");
        String sessionToken = environment.get("AWS_SESSION_TOKEN");
        if (isSet(accessKeyId) && isSet(secretAccessKey)) {
            return StaticCredentialsProvider.create(isSet(sessionToken)
                    ? AwsSessionCredentials.create(accessKeyId, secretAccessKey, sessionToken)
                    : AwsBasicCredentials.create(accessKeyId, secretAccessKey));
        }
        if (isSet(environment.get("AWS_CONTAINER_CREDENTIALS_FULL_URI"))) {
            return ContainerCredentialsProvider.builder().build();
        }
        throw new IllegalArgumentException("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set, nor is"
                + " AWS_CONTAINER_CREDENTIALS_FULL_URI; Lambda sets them for the function's role, so outside Lambda"
                + " set the two keys yourself");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
