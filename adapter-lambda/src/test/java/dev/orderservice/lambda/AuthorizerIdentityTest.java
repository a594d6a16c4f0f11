package dev.orderservice.lambda;

import static dev.orderservice.http.contract.TestRequest.get;
import static dev.orderservice.http.contract.TestRequest.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderservice.http.contract.ApiClient;
import dev.orderservice.http.contract.ApiClient.ApiResponse;
import dev.orderservice.http.contract.HttpContractTest;
import dev.orderservice.http.contract.JsonBody;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests that an authorizer has verified act for the token's {@code sub}: through an HTTP API's JWT
 * authorizer and through a REST API's Cognito user pool authorizer alike.
 */
class AuthorizerIdentityTest {

    private static final String ITEMS = "[{\"sku\":\"SKU-MUG-01\",\"quantity\":1}]";

    /** Builds a client of a function whose requests carry an authorizer's claims for a subject. */
    @FunctionalInterface
    interface AuthorizedClients {
        ApiClient forSubject(TestFunction function, String subject);
    }

    static Stream<Arguments> authorizers() {
        AuthorizedClients jwt = (function, subject) -> LambdaApiClient.httpApi(function.httpApiHandler(),
                HttpApiEventWriter.defaultStage().withJwtClaims(claims(subject)));
        AuthorizedClients cognito = (function, subject) -> LambdaApiClient.restApi(function.restApiHandler(),
                RestApiEventWriter.prodStage().withCognitoClaims(claims(subject)));
        return Stream.of(Arguments.of("HTTP API JWT", jwt), Arguments.of("REST API Cognito", cognito));
    }

    private final TestFunction function = TestFunction.inMemory(HttpContractTest.ALLOWED_ORIGIN);

    private static Map<String, String> claims(String subject) {
        return Map.of("sub", subject, "token_use", "id", "iss", "https://cognito-idp.eu-west-1.amazonaws.com/pool");
    }

    private static String newSubject() {
        return "cust-" + UUID.randomUUID();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("authorizers")
    void body_without_customer_places_for_subject(String authorizer, AuthorizedClients clients) {
        String subject = newSubject();

        ApiResponse response = clients.forSubject(function, subject).send(post("/orders").json("{\"items\":" + ITEMS + "}")
                .build());

        assertThat(response.status()).isEqualTo(201);
        assertThat(JsonBody.of(response).string("customerId")).isEqualTo(subject);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("authorizers")
    void body_naming_another_customer_is_forbidden(String authorizer, AuthorizedClients clients) {

        ApiResponse response = clients.forSubject(function, newSubject()).send(post("/orders")
                .json("{\"customerId\":\"" + newSubject() + "\",\"items\":" + ITEMS + "}").build());

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("Content-Type")).hasValue("application/problem+json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("authorizers")
    void body_naming_the_subject_is_accepted(String authorizer, AuthorizedClients clients) {
        String subject = newSubject();

        ApiResponse response = clients.forSubject(function, subject).send(post("/orders")
                .json("{\"customerId\":\"" + subject + "\",\"items\":" + ITEMS + "}").build());

        assertThat(response.status()).isEqualTo(201);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("authorizers")
    void another_customers_order_is_not_found(String authorizer, AuthorizedClients clients) {
        ApiClient owner = clients.forSubject(function, newSubject());
        ApiClient other = clients.forSubject(function, newSubject());
        String orderId = JsonBody.of(owner.send(post("/orders").json("{\"items\":" + ITEMS + "}").build()))
                .string("orderId");

        ApiResponse asOther = other.send(get("/orders/" + orderId).build());
        ApiResponse cancelAsOther = other.send(post("/orders/" + orderId + "/cancel").build());
        ApiResponse asOwner = owner.send(get("/orders/" + orderId).build());

        assertThat(asOther.status()).isEqualTo(404);
        assertThat(cancelAsOther.status()).isEqualTo(404);
        assertThat(asOwner.status()).isEqualTo(200);
        assertThat(JsonBody.of(asOwner).string("status")).isEqualTo("PLACED");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("authorizers")
    void listing_without_customer_lists_the_subjects_orders(String authorizer,
            AuthorizedClients clients) {
        String subject = newSubject();
        ApiClient client = clients.forSubject(function, subject);
        String orderId = JsonBody.of(client.send(post("/orders").json("{\"items\":" + ITEMS + "}").build()))
                .string("orderId");

        ApiResponse listed = client.send(get("/orders").build());
        ApiResponse otherCustomer = client.send(get("/orders?customerId=" + newSubject()).build());

        assertThat(listed.status()).isEqualTo(200);
        assertThat(JsonBody.of(listed).strings("items", "orderId")).containsExactly(orderId);
        assertThat(otherCustomer.status()).isEqualTo(403);
    }
}
