package dev.orderservice.adapter.dynamodb;

import dev.orderservice.core.domain.OrderException;
import java.io.IOException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Translates the SDK's failures into the port's: a store that throttles, fails on its side or cannot be reached
 * becomes {@code UNAVAILABLE}, which callers may retry later.
 *
 * <p>The SDK has already retried such a failure when it arrives here. Other failures, such as a missing table or
 * a request DynamoDB rejects as invalid, are faults of the deployment or of this code, so they are returned
 * unchanged for the caller to report as internal errors.
 */
final class DynamoDbErrors {

    private DynamoDbErrors() {
    }

    static RuntimeException translate(SdkException failure, String operation, String table) {
        if (!isTransient(failure)) {
            return failure;
        }
        return OrderException.unavailable("DynamoDB " + operation + " on table " + table + " failed after the SDK's"
                + " retries: " + failure.getMessage() + "; the request may succeed if retried later", failure);
    }

    static boolean isTransient(SdkException failure) {
        if (failure instanceof SdkServiceException) {
            // isThrottlingException covers ThrottlingException, ProvisionedThroughputExceededException,
            // RequestLimitExceeded and any HTTP 429.
            SdkServiceException service = (SdkServiceException) failure;
            return service.isThrottlingException() || service.statusCode() >= 500;
        }
        if (failure instanceof ApiCallTimeoutException || failure instanceof ApiCallAttemptTimeoutException) {
            return true;
        }
        return failure instanceof SdkClientException && hasIoCause(failure);
    }

    private static boolean hasIoCause(Throwable failure) {
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
