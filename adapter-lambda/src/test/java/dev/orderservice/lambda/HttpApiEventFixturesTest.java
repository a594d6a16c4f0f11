package dev.orderservice.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderservice.http.contract.ApiClient.ApiResponse;
import dev.orderservice.http.contract.HttpContractTest;
import dev.orderservice.http.contract.JsonBody;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link HttpApiHandler} on payload 2.0 events as API Gateway sends them, one fixture per detail of the format. */
class HttpApiEventFixturesTest {

    private LambdaApiClient client;

    @BeforeEach
    void startFunction() {
        TestFunction function = TestFunction.inMemory(HttpContractTest.ALLOWED_ORIGIN);
        client = LambdaApiClient.httpApi(function.httpApiHandler(), HttpApiEventWriter.defaultStage());
    }

    private ApiResponse send(String fixture) {
        return LambdaApiClient.readHttpApiResponse(client.invoke(Fixtures.event("http-api/" + fixture)));
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
    void content_type_with_charset_is_json() {
        ApiResponse response = send("post-order-charset.json");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Content-Type")).hasValue("application/json");
    }

    @Test
    void named_stage_is_stripped_from_the_path() {
        ApiResponse response = send("get-products-named-stage.json");

        assertThat(response.status()).isEqualTo(200);
        assertThat(JsonBody.of(response).list("items")).hasSize(5);
    }

    @Test
    void named_stage_prefixes_the_location() {
        ApiResponse response = send("post-order-named-stage.json");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Location"))
                .hasValue("/prod/orders/" + JsonBody.of(response).string("orderId"));
    }

    @Test
    void lower_case_headers_are_read() {
        ApiResponse response = send("options-lower-case-headers.json");

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.header("Access-Control-Allow-Origin")).hasValue(HttpContractTest.ALLOWED_ORIGIN);
        assertThat(response.header("Access-Control-Allow-Methods")).hasValueSatisfying(
                methods -> assertThat(methods).contains("POST"));
    }

    @Test
    void repeated_query_parameter_is_rejected() {
        ApiResponse response = send("list-orders-repeated-limit.json");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyText()).contains("must be given at most once");
    }

    @Test
    void escaped_comma_is_one_value() {
        ApiResponse response = send("list-orders-comma-in-value.json");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyText()).contains("must be an integer");
        assertThat(response.bodyText()).doesNotContain("at most once");
    }

    @Test
    void null_body_and_maps_are_read() {
        ApiResponse response = send("get-products-null-body-and-maps.json");

        assertThat(response.status()).isEqualTo(200);
        assertThat(JsonBody.of(response).list("items")).hasSize(5);
    }

    @Test
    void jwt_subject_is_the_customer() {
        ApiResponse response = send("post-order-jwt-claims.json");

        assertThat(response.status()).isEqualTo(201);
        assertThat(JsonBody.of(response).string("customerId")).isEqualTo("cust-jwt-7f3a");
    }
}
