package dev.orderservice.lambda.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderservice.lambda.runtime.RuntimeApiServer.Invocation;
import dev.orderservice.lambda.runtime.RuntimeApiServer.Result;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the test harness itself, with a function of its own: the Runtime API server, the child JVM on AWS's
 * runtime interface client, and the reading of events and results.
 */
class RuntimeHarnessTest {

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

    private static LambdaPackage helloWorld;

    @BeforeAll
    static void packageHelloWorld() {
        helloWorld = LambdaPackage.assemble(BuildFiles.workDirectory("harness-hello-world"), HelloWorldHandler.class,
                BuildFiles.helloWorldLibraries());
    }

    @Test
    void typed_handler_answers_through_runtime_client() throws Exception {
        try (RuntimeApiServer runtimeApi = RuntimeApiServer.start(RuntimeInterfaceClientProcess.functionArn(),
                Duration.ofSeconds(20))) {
            Invocation first = runtimeApi.invoke(ApiGatewayEvents.httpApi("GET", "/hello", "", Map.of(), null));
            Invocation second = runtimeApi.invoke(ApiGatewayEvents.httpApi("POST", "/hello", "name=a&name=b",
                    Map.of("Content-Type", "application/json"), "{}"));

            try (RuntimeInterfaceClientProcess runtime = start(runtimeApi, helloWorld, HelloWorldHandler.HANDLER,
                    "typed")) {
                Result firstResult = first.await(ANSWER_TIMEOUT);
                Result secondResult = second.await(ANSWER_TIMEOUT);

                assertThat(firstResult.error()).as(runtime.output()).isFalse();
                ApiGatewayResponse response = ApiGatewayResponse.fromHttpApiOutput(firstResult.body());
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.header("Content-Type")).isEqualTo("application/json");
                assertThat(response.json().path("message").asText()).isEqualTo("hello, world");
                assertThat(secondResult.error()).as(runtime.output()).isFalse();
                assertThat(runtimeApi.initErrors()).isEmpty();
            }
        }
    }

    @Test
    void missing_handler_class_fails_invocation() throws Exception {
        try (RuntimeApiServer runtimeApi = RuntimeApiServer.start(RuntimeInterfaceClientProcess.functionArn(),
                Duration.ofSeconds(20))) {
            Invocation invocation = runtimeApi.invoke(ApiGatewayEvents.httpApi("GET", "/", "", Map.of(), null));

            try (RuntimeInterfaceClientProcess runtime = start(runtimeApi, helloWorld,
                    "dev.orderservice.lambda.runtime.NoSuchHandler::handleRequest", "missing")) {
                Result result = invocation.await(ANSWER_TIMEOUT);

                // The runtime client reports a handler it cannot load on the first invocation, not at init.
                assertThat(result.error()).as(runtime.output()).isTrue();
                assertThat(result.errorType()).isEqualTo("Runtime.BadFunctionCode");
                assertThat(result.bodyText()).contains("NoSuchHandler");
                assertThat(runtimeApi.initErrors()).isEmpty();
            }
        }
    }

    @Test
    void failing_constructor_posts_init_error() throws Exception {
        LambdaPackage failing = LambdaPackage.assemble(BuildFiles.workDirectory("harness-failing-init"),
                FailingInitHandler.class, BuildFiles.helloWorldLibraries());
        try (RuntimeApiServer runtimeApi = RuntimeApiServer.start(RuntimeInterfaceClientProcess.functionArn(),
                Duration.ofSeconds(20))) {
            Invocation invocation = runtimeApi.invoke(ApiGatewayEvents.httpApi("GET", "/", "", Map.of(), null));

            try (RuntimeInterfaceClientProcess runtime = start(runtimeApi, failing, FailingInitHandler.HANDLER,
                    "failing-init")) {
                Result initError = runtimeApi.awaitInitError(ANSWER_TIMEOUT);

                assertThat(initError.bodyText()).as(runtime.output()).contains("ORDERS_TABLE is not set");
                assertThat(initError.errorType()).isEqualTo("Runtime.BadFunctionCode");
                assertThat(invocation.isAnswered()).isFalse();
            }
        }
    }

    private static RuntimeInterfaceClientProcess start(RuntimeApiServer runtimeApi, LambdaPackage function,
            String handler, String name) {
        Path log = BuildFiles.workDirectory("harness-logs").resolve(name + ".log");
        return RuntimeInterfaceClientProcess.start(function, handler,
                Map.of("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"), runtimeApi.address(),
                log);
    }
}
