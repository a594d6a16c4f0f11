package dev.orderservice.adapter.dynamodb;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * A DynamoDB-API server on 127.0.0.1 for fault tests: it sends each request on to a real server (dynalite) unless
 * a scripted reply for that operation takes its place, such as DynamoDB's throttling error.
 *
 * <p>Because the requests that are not scripted reach a real store, a test can check afterwards that a failed use
 * case left nothing behind there.
 */
final class FaultyDynamoDbServer implements AutoCloseable {

    /** A reply in DynamoDB's JSON protocol. */
    record Reply(int status, Map<String, String> headers, String body) {

        static Reply ok(String json) {
            return new Reply(200, Map.of(), json);
        }

        /** Returns an error as DynamoDB sends it: the type in a header and again in the body's {@code __type}. */
        static Reply error(int status, String type, String message) {
            String body = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + type + "\",\"message\":\"" + message
                    + "\"}";
            return new Reply(status, Map.of("x-amzn-ErrorType", type), body);
        }

        static Reply throttling() {
            return error(400, "ThrottlingException", "Rate of requests exceeds the allowed throughput.");
        }

        /** Returns a BatchGetItem reply that found nothing and left every requested key unprocessed. */
        static Reply nothingProcessed(String batchGetRequest) {
            JsonNode requestItems = JsonNode.parser().parse(batchGetRequest).field("RequestItems").orElseThrow();
            return ok("{\"Responses\":{},\"UnprocessedKeys\":" + requestItems + "}");
        }
    }

    // The JDK's client refuses to set these itself, and they describe the hop, not the request.
    private static final Set<String> HOP_HEADERS = Set.of("host", "connection", "content-length", "expect", "upgrade");

    private final HttpServer server;
    private final URI forwardTo;
    private final HttpClient forwarder = HttpClient.newHttpClient();
    private final Map<String, Function<String, Optional<Reply>>> scripts = new ConcurrentHashMap<>();
    private final List<String> received = new ArrayList<>();

    private FaultyDynamoDbServer(HttpServer server, URI forwardTo) {
        this.server = server;
        this.forwardTo = forwardTo;
    }

    /**
     * Starts a server that sends requests on to {@code forwardTo}, or, with {@code null}, replies to every request
     * that no script replaces with a 500 error.
     */
    static FaultyDynamoDbServer start(URI forwardTo) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            FaultyDynamoDbServer faulty = new FaultyDynamoDbServer(server, forwardTo);
            server.createContext("/", faulty::handle);
            server.start();
            return faulty;
        } catch (IOException failure) {
            throw new UncheckedIOException("could not start the test server on 127.0.0.1", failure);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Replies to every request for {@code operation}, such as {@code PutItem}, with {@code reply}. */
    void always(String operation, Reply reply) {
        script(operation, body -> Optional.of(reply));
    }

    /**
     * Lets {@code script} decide the reply to each request for {@code operation} from its JSON body; an empty
     * result sends the request on to the real server.
     */
    void script(String operation, Function<String, Optional<Reply>> script) {
        scripts.put(operation, script);
    }

    void forwardAll() {
        scripts.clear();
    }

    /** Returns the operation of every HTTP request received, retries included, such as {@code [PutItem, PutItem]}. */
    List<String> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
            byte[] body = readAll(exchange.getRequestBody());
            synchronized (received) {
                received.add(operation);
            }

            Function<String, Optional<Reply>> script = scripts.get(operation);
            Optional<Reply> scripted = script == null
                    ? Optional.empty()
                    : script.apply(new String(body, StandardCharsets.UTF_8));
            send(exchange, scripted.isPresent() ? scripted.get() : forward(exchange, body));
        }
    }

    private Reply forward(HttpExchange exchange, byte[] body) {
        if (forwardTo == null) {
            return Reply.error(500, "InternalServerError", "This test server has no script for the request.");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(forwardTo.resolve(exchange.getRequestURI()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
            }
        });
        try {
            HttpResponse<String> response = forwarder.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Optional<String> errorType = response.headers().firstValue("x-amzn-ErrorType");
            return new Reply(response.statusCode(),
                    errorType.map(type -> Map.of("x-amzn-ErrorType", type)).orElse(Map.of()), response.body());
        } catch (IOException failure) {
            return Reply.error(500, "InternalServerError", "The real server could not be reached.");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Reply.error(500, "InternalServerError", "Interrupted.");
        }
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }
}
