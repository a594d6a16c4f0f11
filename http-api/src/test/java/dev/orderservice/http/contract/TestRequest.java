package dev.orderservice.http.contract;

import dev.orderservice.http.contract.ApiClient.ApiRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds an {@link ApiRequest} step by step: {@code TestRequest.post("/orders").json("{...}").build()}. */
public final class TestRequest {

    private final String method;
    private final String target;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private byte[] body = new byte[0];

    private TestRequest(String method, String target) {
        this.method = method;
        this.target = target;
    }

    /** @param target the path with its raw query, such as {@code /orders?limit=2} */
    public static TestRequest request(String method, String target) {
        return new TestRequest(method, target);
    }

    public static TestRequest get(String target) {
        return request("GET", target);
    }

    public static TestRequest post(String target) {
        return request("POST", target);
    }

    /** Adds a header value. A name added twice is sent twice. */
    public TestRequest header(String name, String value) {
        headers.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        return this;
    }

    /** Sets a UTF-8 body with {@code Content-Type: application/json} and no charset parameter. */
    public TestRequest json(String json) {
        return header("Content-Type", "application/json").body(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Sets the body bytes as given, without a {@code Content-Type}. */
    public TestRequest body(byte[] bytes) {
        this.body = bytes.clone();
        return this;
    }

    public ApiRequest build() {
        return new ApiRequest(method, target, headers, body);
    }
}
