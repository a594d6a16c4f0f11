package dev.orderservice.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.orderservice.http.HttpRequest;
import dev.orderservice.http.QueryString;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Translates an HTTP API's payload format 2.0 to the shared API's request and its response back.
 *
 * <p>What API Gateway changes on the way in: {@code rawPath} arrives percent-decoded and, on a named stage,
 * starts with the stage; header names arrive in lower case; a repeated query parameter is joined with commas in
 * {@code queryStringParameters}, so the query is read from {@code rawQueryString}, where each value stays apart;
 * a GET has a null body and null maps.
 */
final class HttpApiEvents implements EventFormat {

    static final HttpApiEvents FORMAT = new HttpApiEvents();

    /** The stage that an HTTP API serves at its root, with no stage segment in the path. */
    private static final String DEFAULT_STAGE = "$default";

    private HttpApiEvents() {
    }

    @Override
    public HttpRequest readRequest(InputStream event) throws IOException {
        return toRequest(HttpApiEventJson.read(event));
    }

    static HttpRequest toRequest(APIGatewayV2HTTPEvent event) {
        RequestContext context = event.getRequestContext();
        String method = context == null || context.getHttp() == null ? null : context.getHttp().getMethod();
        String rawPath = event.getRawPath();
        if (method == null || rawPath == null) {
            throw new IllegalArgumentException("the event has no requestContext.http.method or no rawPath, so it is"
                    + " not from an HTTP API with payload format 2.0; a REST API needs"
                    + " dev.orderservice.lambda.RestApiHandler instead");
        }

        String stagePrefix = stagePrefix(context.getStage(), rawPath);
        String path = rawPath.substring(stagePrefix.length());
        HttpRequest.Builder request = HttpRequest.builder(method, path.isEmpty() ? "/" : path)
                .basePath(stagePrefix)
                .body(EventFormat.decodeBody(event.getBody(), event.getIsBase64Encoded()))
                .authenticatedCustomerId(subject(context).orElse(null));
        if (event.getHeaders() != null) {
            event.getHeaders().forEach(request::header);
        }
        QueryString.parse(event.getRawQueryString()).forEach(request::query);
        return request.build();
    }

    /**
     * Returns {@code /prod} for a request to the stage {@code prod}, whose {@code rawPath} starts with it; empty
     * for the {@code $default} stage and for a custom domain, whose paths carry no stage.
     */
    static String stagePrefix(String stage, String rawPath) {
        // NOTE: AWS documents that rawPath lacks the API mapping key of a custom domain, so behind a mapping
        // such as api.example.com/shop a Location header lacks /shop. A REST API's requestContext.path has it.
        if (stage == null || stage.equals(DEFAULT_STAGE)) {
            return "";
        }
        String prefix = "/" + stage;
        boolean underStage = rawPath.equals(prefix) || rawPath.startsWith(prefix + "/");
        return underStage ? prefix : "";
    }

    /** Returns the {@code sub} claim that a JWT authorizer verified, if the route has one. */
    private static Optional<String> subject(RequestContext context) {
        if (context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null
                || context.getAuthorizer().getJwt().getClaims() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(context.getAuthorizer().getJwt().getClaims().get("sub"));
    }

    @Override
    public void writeResponse(int status, Map<String, String> headers, byte[] body, OutputStream output)
            throws IOException {
        APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
        response.setStatusCode(status);
        response.setHeaders(headers);
        // The API only responds with JSON, which is UTF-8 text, so no body needs base64.
        response.setBody(new String(body, StandardCharsets.UTF_8));
        response.setIsBase64Encoded(false);
        HttpApiEventJson.write(response, output);
    }

    @Override
    public byte[] sampleEvent(String method, String path, String contentType, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRawPath(path);
        event.setRawQueryString("");
        event.setHeaders(headers);
        event.setBody(body);
        RequestContext.Http http = new RequestContext.Http();
        http.setMethod(method);
        http.setPath(path);
        RequestContext context = new RequestContext();
        context.setStage(DEFAULT_STAGE);
        context.setRequestId("sample");
        context.setHttp(http);
        event.setRequestContext(context);
        return HttpApiEventJson.write(event);
    }
}
