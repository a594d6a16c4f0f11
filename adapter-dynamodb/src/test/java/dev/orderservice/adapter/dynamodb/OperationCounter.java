package dev.orderservice.adapter.dynamodb;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records the DynamoDB operations that a client calls, in order, such as {@code [BatchGetItem, PutItem]}.
 *
 * <p>It counts API calls, not HTTP attempts: the SDK runs {@code beforeExecution} once per call, however often it
 * retries the call.
 */
final class OperationCounter implements ExecutionInterceptor {

    private final List<String> operations = new ArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        synchronized (operations) {
            operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }
    }

    /** Returns the operations called since the last {@link #reset()}, and starts a new count. */
    List<String> takeOperations() {
        synchronized (operations) {
            List<String> taken = List.copyOf(operations);
            operations.clear();
            return taken;
        }
    }

    void reset() {
        takeOperations();
    }
}
