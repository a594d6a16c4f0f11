package dev.orderservice.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderservice.core.domain.OrderException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

class DynamoDbErrorsTest {

    @Test
    void throttling_is_unavailable() {
        assertUnavailable(ProvisionedThroughputExceededException.builder().statusCode(400)
                .awsErrorDetails(details("ProvisionedThroughputExceededException")).build());
        assertUnavailable(RequestLimitExceededException.builder().statusCode(400)
                .awsErrorDetails(details("RequestLimitExceeded")).build());
        assertUnavailable(DynamoDbException.builder().statusCode(400)
                .awsErrorDetails(details("ThrottlingException")).build());
    }

    @Test
    void server_error_is_unavailable() {
        assertUnavailable(DynamoDbException.builder().statusCode(500)
                .awsErrorDetails(details("InternalServerError")).build());
        assertUnavailable(DynamoDbException.builder().statusCode(503)
                .awsErrorDetails(details("ServiceUnavailable")).build());
    }

    @Test
    void unreachable_endpoint_is_unavailable() {
        assertUnavailable(SdkClientException.builder().message("Unable to execute HTTP request")
                .cause(new ConnectException("Connection refused")).build());
        assertUnavailable(ApiCallAttemptTimeoutException.create(5000));
    }

    @Test
    void faults_of_the_deployment_pass_unchanged() {
        SdkException missingTable = ResourceNotFoundException.builder().statusCode(400)
                .awsErrorDetails(details("ResourceNotFoundException")).build();
        SdkException invalidRequest = DynamoDbException.builder().statusCode(400)
                .awsErrorDetails(details("ValidationException")).build();
        SdkException conditionFailed = ConditionalCheckFailedException.builder().statusCode(400)
                .awsErrorDetails(details("ConditionalCheckFailedException")).build();
        SdkException noCredentials = SdkClientException.create("Unable to load credentials from any provider");

        for (SdkException failure : new SdkException[] {missingTable, invalidRequest, conditionFailed,
                noCredentials}) {
            assertThat(DynamoDbErrors.translate(failure, "PutItem", "orders")).isSameAs(failure);
        }
    }

    private static void assertUnavailable(SdkException failure) {
        RuntimeException translated = DynamoDbErrors.translate(failure, "GetItem", "orders");

        assertThat(translated).isInstanceOfSatisfying(OrderException.class, unavailable -> {
            assertThat(unavailable.reason()).isEqualTo(OrderException.Reason.UNAVAILABLE);
            assertThat(unavailable.getMessage()).contains("GetItem", "orders");
            assertThat(unavailable.getCause()).isSameAs(failure);
        });
    }

    private static AwsErrorDetails details(String errorCode) {
        return AwsErrorDetails.builder().errorCode(errorCode).errorMessage("test").build();
    }
}
