package dev.orderservice.lambda;

import dev.orderservice.http.contract.ApiClient;
import dev.orderservice.http.contract.HttpContractTest;
import org.junit.jupiter.api.BeforeAll;

/**
 * The HTTP contract through {@link RestApiHandler}, each request sent as a REST API's payload 1.0 event on the
 * stage {@code prod}, with every body in base64.
 */
class RestApiHandlerContractTest extends HttpContractTest {

    private static TestFunction function;
    private static ApiClient client;

    @BeforeAll
    static void startFunction() {
        function = TestFunction.inMemory(ALLOWED_ORIGIN);
        client = LambdaApiClient.restApi(function.restApiHandler(), RestApiEventWriter.prodStage());
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
