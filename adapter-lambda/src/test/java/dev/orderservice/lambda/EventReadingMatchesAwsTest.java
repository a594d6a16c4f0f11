package dev.orderservice.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compares the handlers' own event parsing with AWS's serialization, which the runtime would otherwise use:
 * each fixture, loaded with aws-lambda-java-tests' {@link EventLoader}, must give the same values in every field
 * the handlers read.
 */
class EventReadingMatchesAwsTest {

    @ParameterizedTest
    @ValueSource(strings = {"post-order-base64-body.json", "post-order-charset.json", "post-order-named-stage.json",
        "get-products-named-stage.json", "options-lower-case-headers.json", "list-orders-repeated-limit.json",
        "list-orders-comma-in-value.json", "get-products-null-body-and-maps.json", "post-order-jwt-claims.json"})
    void http_api_fields_match(String fixture) throws IOException {
        APIGatewayV2HTTPEvent aws = EventLoader.loadApiGatewayHttpEvent("events/http-api/" + fixture);

        APIGatewayV2HTTPEvent ours = HttpApiEventJson.read(
                new ByteArrayInputStream(Fixtures.event("http-api/" + fixture)));

        assertThat(ours.getRawPath()).isEqualTo(aws.getRawPath());
        assertThat(ours.getRawQueryString()).isEqualTo(aws.getRawQueryString());
        assertThat(ours.getHeaders()).isEqualTo(aws.getHeaders());
        assertThat(ours.getQueryStringParameters()).isEqualTo(aws.getQueryStringParameters());
        assertThat(ours.getBody()).isEqualTo(aws.getBody());
        assertThat(ours.getIsBase64Encoded()).isEqualTo(aws.getIsBase64Encoded());
        assertThat(ours.getRequestContext().getStage()).isEqualTo(aws.getRequestContext().getStage());
        assertThat(ours.getRequestContext().getRequestId()).isEqualTo(aws.getRequestContext().getRequestId());
        assertThat(ours.getRequestContext().getHttp().getMethod())
                .isEqualTo(aws.getRequestContext().getHttp().getMethod());
        assertThat(ours.getRequestContext().getHttp().getPath())
                .isEqualTo(aws.getRequestContext().getHttp().getPath());
        if (aws.getRequestContext().getAuthorizer() == null) {
            assertThat(ours.getRequestContext().getAuthorizer()).isNull();
        } else {
            assertThat(ours.getRequestContext().getAuthorizer().getJwt().getClaims())
                    .isEqualTo(aws.getRequestContext().getAuthorizer().getJwt().getClaims());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"post-order-base64-body.json", "post-order-mixed-case-headers.json",
        "get-products-on-stage.json", "post-order-custom-domain.json", "list-orders-repeated-limit.json",
        "list-orders-single-value-maps.json", "get-products-null-body-and-maps.json",
        "post-order-cognito-claims.json"})
    void rest_api_fields_match(String fixture) throws IOException {
        APIGatewayProxyRequestEvent aws = EventLoader.loadApiGatewayRestEvent("events/rest-api/" + fixture);

        APIGatewayProxyRequestEvent ours = RestApiEventJson.read(
                new ByteArrayInputStream(Fixtures.event("rest-api/" + fixture)));

        assertThat(ours.getHttpMethod()).isEqualTo(aws.getHttpMethod());
        assertThat(ours.getPath()).isEqualTo(aws.getPath());
        assertThat(ours.getHeaders()).isEqualTo(aws.getHeaders());
        assertThat(ours.getMultiValueHeaders()).isEqualTo(aws.getMultiValueHeaders());
        assertThat(ours.getQueryStringParameters()).isEqualTo(aws.getQueryStringParameters());
        assertThat(ours.getMultiValueQueryStringParameters()).isEqualTo(aws.getMultiValueQueryStringParameters());
        assertThat(ours.getBody()).isEqualTo(aws.getBody());
        assertThat(ours.getIsBase64Encoded()).isEqualTo(aws.getIsBase64Encoded());
        assertThat(ours.getRequestContext().getStage()).isEqualTo(aws.getRequestContext().getStage());
        assertThat(ours.getRequestContext().getPath()).isEqualTo(aws.getRequestContext().getPath());
        assertThat(ours.getRequestContext().getRequestId()).isEqualTo(aws.getRequestContext().getRequestId());
        if (aws.getRequestContext().getAuthorizer() == null) {
            assertThat(ours.getRequestContext().getAuthorizer()).isNull();
        } else {
            assertThat(ours.getRequestContext().getAuthorizer().get("claims"))
                    .isEqualTo(aws.getRequestContext().getAuthorizer().get("claims"));
        }
    }
}
