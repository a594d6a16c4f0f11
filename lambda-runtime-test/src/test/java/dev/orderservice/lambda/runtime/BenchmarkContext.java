package dev.orderservice.lambda.runtime;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A Lambda context for calling a handler directly, with a fresh request id per invocation. */
final class BenchmarkContext implements Context {

    private String requestId = UUID.randomUUID().toString();

    /** Starts a new invocation: a new request id, as Lambda gives each one. */
    BenchmarkContext next() {
        requestId = UUID.randomUUID().toString();
        return this;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + RuntimeInterfaceClientProcess.FUNCTION_NAME;
    }

    @Override
    public String getLogStreamName() {
        return "benchmark";
    }

    @Override
    public String getFunctionName() {
        return RuntimeInterfaceClientProcess.FUNCTION_NAME;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return RuntimeInterfaceClientProcess.functionArn();
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return 20_000;
    }

    @Override
    public int getMemoryLimitInMB() {
        return Integer.parseInt(RuntimeInterfaceClientProcess.MEMORY_SIZE_MB);
    }

    @Override
    public LambdaLogger getLogger() {
        return StandardOutputLogger.INSTANCE;
    }

    /** Writes to standard output, as the Lambda runtime's logger does outside its telemetry pipe. */
    private enum StandardOutputLogger implements LambdaLogger {
        INSTANCE;

        @Override
        public void log(String message) {
            System.out.println(message);
        }

        @Override
        public void log(byte[] message) {
            System.out.println(new String(message, StandardCharsets.UTF_8));
        }
    }
}
