package dev.orderservice.lambda.runtime;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A child JVM that runs a function the way Lambda's managed Java runtime does: AWS's runtime interface client
 * ({@code aws-lambda-java-runtime-interface-client}) on the JVM class path, the handler string as its argument,
 * the deployment package unpacked into its working folder, where the client's class loader finds the classes
 * and lib/*.jar, and Lambda's reserved environment variables beside the function's own.
 */
final class RuntimeInterfaceClientProcess implements AutoCloseable {

    static final String MAIN_CLASS = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    static final String FUNCTION_NAME = "orders-test-function";
    static final String MEMORY_SIZE_MB = "1024";

    private final Process process;
    private final Path log;
    private final long launchedNanos;

    private RuntimeInterfaceClientProcess(Process process, Path log, long launchedNanos) {
        this.process = process;
        this.log = log;
        this.launchedNanos = launchedNanos;
    }

    /**
     * Starts the runtime for one function.
     *
     * @param taskRoot the unpacked deployment package, the working folder of the process as /var/task is on AWS
     * @param handler the handler string, such as {@code dev.orderservice.lambda.HttpApiHandler::handleRequest}
     * @param functionEnvironment the function's own variables, {@code JAVA_TOOL_OPTIONS} included
     * @param runtimeApi the Runtime API's host and port
     * @param log the file that receives the process's standard output and error
     */
    static RuntimeInterfaceClientProcess start(LambdaPackage taskRoot, String handler,
            Map<String, String> functionEnvironment, String runtimeApi, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-classpath");
        command.add(BuildFiles.runtimeClasspath().stream().map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator)));
        command.add(MAIN_CLASS);
        command.add(handler);

        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(taskRoot.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(lambdaEnvironment(taskRoot, handler, runtimeApi));
        builder.environment().putAll(functionEnvironment);

        long launchedNanos = System.nanoTime();
        try {
            return new RuntimeInterfaceClientProcess(builder.start(), log, launchedNanos);
        } catch (IOException failure) {
            throw new UncheckedIOException("could not start " + command, failure);
        }
    }

    /** Returns when the process was launched, in {@link System#nanoTime()} terms. */
    long launchedNanos() {
        return launchedNanos;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Returns what the process has printed so far, for a failure message. */
    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException failure) {
            return "(could not read " + log + ": " + failure.getMessage() + ")";
        }
    }

    /** Stops the process, forcibly when it has not ended 5 s after SIGTERM. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Returns the variables that Lambda sets in every Java execution environment, with test values. The
     * credentials are dummies that only a local DynamoDB-API server accepts, and the instance metadata service
     * is switched off, so that no SDK call can leave this machine.
     */
    private static Map<String, String> lambdaEnvironment(LambdaPackage taskRoot, String handler, String runtimeApi) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("_HANDLER", handler);
        environment.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        environment.put("AWS_REGION", ApiGatewayEvents.REGION);
        environment.put("AWS_DEFAULT_REGION", ApiGatewayEvents.REGION);
        environment.put("AWS_EXECUTION_ENV", "AWS_Lambda_java17");
        environment.put("AWS_LAMBDA_FUNCTION_NAME", FUNCTION_NAME);
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", MEMORY_SIZE_MB);
        environment.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        environment.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + FUNCTION_NAME);
        environment.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/12/04/[$LATEST]0123456789abcdef0123456789abcdef");
        environment.put("AWS_ACCESS_KEY_ID", "AKIDLOCALTESTONLY");
        environment.put("AWS_SECRET_ACCESS_KEY", "local-test-secret");
        environment.put("AWS_SESSION_TOKEN", "local-test-session");
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
        environment.put("LAMBDA_TASK_ROOT", taskRoot.root().toString());
        environment.put("LAMBDA_RUNTIME_DIR", BuildFiles.runtimeClasspath().get(0).getParent().toString());
        environment.put("LANG", "en_US.UTF-8");
        environment.put("TZ", ":UTC");
        environment.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        return environment;
    }

    static String functionArn() {
        return "arn:aws:lambda:" + ApiGatewayEvents.REGION + ":" + ApiGatewayEvents.ACCOUNT_ID + ":function:"
                + FUNCTION_NAME;
    }
}
