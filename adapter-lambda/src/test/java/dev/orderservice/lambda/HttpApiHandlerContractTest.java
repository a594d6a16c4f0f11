package dev.orderservice.lambda;

import dev.orderservice.http.contract.ApiClient;
import dev.orderservice.http.contract.HttpContractTest;
import org.junit.jupiter.api.BeforeAll;

/** The HTTP contract through {@link HttpApiHandler}, each request sent as an HTTP API's payload 2.0 event. */
class HttpApiHandlerContractTest extends HttpContractTest {

    private static TestFunction function;
    private static ApiClient client;

    @BeforeAll
    static void startFunction() {
        function = TestFunction.inMemory(ALLOWED_ORIGIN);
        client = LambdaApiClient.httpApi(function.httpApiHandler(), HttpApiEventWriter.defaultStage());
    }

    @Override
    protected ApiClient client() {
        return client;
    }

    @Override
    protected void moveToShipped(String orderId) {
        function.moveToShipped(orderId);
    }
}
