package dev.orderservice.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderservice.http.contract.ApiClient.ApiResponse;
import dev.orderservice.http.contract.HttpContractTest;
import dev.orderservice.http.contract.JsonBody;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link RestApiHandler} on payload 1.0 events as API Gateway sends them, one fixture per detail of the format. */
class RestApiEventFixturesTest {

    private LambdaApiClient client;

    @BeforeEach
    void startFunction() {
        TestFunction function = TestFunction.inMemory(HttpContractTest.ALLOWED_ORIGIN);
        client = LambdaApiClient.restApi(function.restApiHandler(), RestApiEventWriter.prodStage());
    }

    private ApiResponse send(String fixture) {
        return send(Fixtures.event("rest-api/" + fixture));
    }

    private ApiResponse send(byte[] event) {
        return LambdaApiClient.readRestApiResponse(client.invoke(event));
    }

    @Test
    void base64_body_is_decoded() {
        ApiResponse response = send("post-order-base64-body.json");

        assertThat(response.status()).isEqualTo(201);
        JsonBody order = JsonBody.of(response);
        assertThat(order.string("customerId")).isEqualTo("cust-fixture-1");
        assertThat(order.string("total")).isEqualTo("32.06");
    }

    @Test
    void mixed_case_headers_are_read() {
        ApiResponse first = send("post-order-mixed-case-headers.json");
        ApiResponse replay = send("post-order-mixed-case-headers.json");

        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).hasValue("true");
        assertThat(JsonBody.of(replay).string("orderId")).isEqualTo(JsonBody.of(first).string("orderId"));
    }

    @Test
    void stage_prefixes_the_location() {
        ApiResponse response = send("post-order-base64-body.json");

        assertThat(response.header("Location"))
                .hasValue("/prod/orders/" + JsonBody.of(response).string("orderId"));
    }

    @Test
    void stage_is_not_part_of_the_path() {
        ApiResponse response = send("get-products-on-stage.json");

        assertThat(response.status()).isEqualTo(200);
        assertThat(JsonBody.of(response).list("items")).hasSize(5);
    }

    @Test
    void custom_domain_mapping_prefixes_the_location() {
        ApiResponse response = send("post-order-custom-domain.json");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Location"))
                .hasValue("/shop/orders/" + JsonBody.of(response).string("orderId"));
    }

    @Test
    void repeated_query_parameter_is_rejected() {
        ApiResponse response = send("list-orders-repeated-limit.json");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyText()).contains("must be given at most once");
    }

    @Test
    void single_value_maps_suffice() {
        send("post-order-base64-body.json");

        ApiResponse response = send("list-orders-single-value-maps.json");

        assertThat(response.status()).isEqualTo(200);
        assertThat(JsonBody.of(response).list("items")).hasSize(1);
    }

    @Test
    void null_body_and_maps_are_read() {
        ApiResponse response = send("get-products-null-body-and-maps.json");

        assertThat(response.status()).isEqualTo(200);
        assertThat(JsonBody.of(response).list("items")).hasSize(5);
    }

    @Test
    void percent_encoded_path_is_decoded() {
        String orderId = JsonBody.of(send("post-order-base64-body.json")).string("orderId");
        String event = new String(Fixtures.event("rest-api/get-products-null-body-and-maps.json"),
                StandardCharsets.UTF_8).replace("\"/products\"", "\"/orders/" + orderId.replace("-", "%2D") + "\"");

        ApiResponse response = send(event.getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(200);
        assertThat(JsonBody.of(response).string("orderId")).isEqualTo(orderId);
    }

    @Test
    void cognito_subject_is_the_customer() {
        ApiResponse response = send("post-order-cognito-claims.json");

        assertThat(response.status()).isEqualTo(201);
        assertThat(JsonBody.of(response).string("customerId")).isEqualTo("cust-cognito-9c1e");
    }
}
