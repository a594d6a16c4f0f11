package dev.orderservice.lambda;

import static dev.orderservice.http.contract.TestRequest.get;
import static dev.orderservice.http.contract.TestRequest.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.orderservice.core.domain.CustomerId;
import dev.orderservice.core.domain.Order;
import dev.orderservice.core.domain.OrderId;
import dev.orderservice.http.CorsPolicy;
import dev.orderservice.http.OrderHttpApi;
import dev.orderservice.http.contract.HttpContractTest;
import dev.orderservice.http.contract.JsonBody;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Priming before a SnapStart snapshot runs the request path of either handler and changes nothing. */
class PrimingTest {

    private static final String ORDER = "{\"customerId\":\"cust-priming-1\",\"items\":[{\"sku\":\"SKU-MUG-01\","
            + "\"quantity\":1}]}";

    private final TestFunction function = TestFunction.inMemory(HttpContractTest.ALLOWED_ORIGIN);

    static Stream<Arguments> handlers() {
        Function<TestFunction, ApiGatewayFunction> httpApi = function -> function.httpApiHandler().function();
        Function<TestFunction, ApiGatewayFunction> restApi = function -> function.restApiHandler().function();
        return Stream.of(Arguments.of("HTTP API", httpApi), Arguments.of("REST API", restApi));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handlers")
    void priming_stores_nothing(String api, Function<TestFunction, ApiGatewayFunction> handler) {
        LambdaApiClient client = LambdaApiClient.httpApi(function.httpApiHandler(), HttpApiEventWriter.defaultStage());
        String orderId = JsonBody.of(client.send(post("/orders").json(ORDER).build())).string("orderId");
        Order before = function.component().orderRepository().findById(new OrderId(orderId)).orElseThrow();
        int linesBefore = function.logLines().size();

        new Priming(handler.apply(function)).beforeCheckpoint(null);

        Order after = function.component().orderRepository().findById(new OrderId(orderId)).orElseThrow();
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(after.status()).isEqualTo(before.status());
        assertThat(function.component().orderRepository().findByCustomer(new CustomerId("cust-priming-1"), 100, null)
                .orders()).hasSize(1);
        assertThat(function.component().orderRepository().findByCustomer(new CustomerId("priming"), 100, null)
                .orders()).isEmpty();
        assertThat(function.logLines()).hasSize(linesBefore);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handlers")
    void priming_gets_the_expected_answers(String api, Function<TestFunction, ApiGatewayFunction> handler) {
        new Priming(handler.apply(function)).prime();

        // Priming warns when a request does not get its 404 or 422.
        assertThat(function.logLines()).isEmpty();
    }

    @Test
    void priming_warns_when_a_request_fails() {
        OrderHttpApi failing = OrderHttpApi.forLambda(new OrderHttpApi.UseCases(command -> {
            throw new IllegalStateException("products table is missing");
        }, orderId -> {
            throw new IllegalStateException("orders table is missing");
        }, null, null, null, null), CorsPolicy.none());
        ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        InvocationLog log = new InvocationLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8),
                Clock.systemUTC());

        new Priming(new HttpApiHandler(failing, log).function()).prime();

        List<String> lines = List.of(logBytes.toString(StandardCharsets.UTF_8).split("\n"));
        assertThat(lines).hasSize(2);
        assertThat(lines).allSatisfy(line -> assertThat(line).contains("\"level\":\"WARN\"").contains("answered 500"));
    }

    @Test
    void priming_keeps_the_cold_start() {
        HttpApiHandler handler = function.httpApiHandler();
        LambdaApiClient client = LambdaApiClient.httpApi(handler, HttpApiEventWriter.defaultStage());

        new Priming(handler.function()).prime();
        client.send(get("/products").build());

        JsonBody line = JsonBody.parse(function.logLines().get(0).getBytes(StandardCharsets.UTF_8));
        assertThat(line.bool("coldStart")).isTrue();
        assertThat(line.integer("ColdStart")).isEqualTo(1);
    }

    @Test
    void registering_outside_crac_does_nothing() {
        ApiGatewayFunction handler = function.httpApiHandler().function();

        assertThatCode(() -> Priming.register(handler)).doesNotThrowAnyException();
    }
}
