package dev.orderservice.adapter.eventbridge;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.orderservice.core.domain.CustomerId;
import dev.orderservice.core.domain.Money;
import dev.orderservice.core.domain.OrderDomainEvent;
import dev.orderservice.core.domain.OrderId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An EventBridge {@code PutEvents} endpoint on a free port of 127.0.0.1 that records every call and returns the
 * replies a test queues: partial failures with per-entry error codes, or a failure of the whole call such as
 * throttling. Without a queued reply it accepts every entry.
 *
 * <pre>{@code
 * try (PutEventsTestServer server = PutEventsTestServer.start()) {
 *     server.reply(Reply.failingEntries(Map.of(0, "ThrottlingException")));
 *     ... publish to server.endpoint() ...
 *     assertThat(server.calls()).hasSize(2);
 * }
 * }</pre>
 */
public final class PutEventsTestServer implements AutoCloseable {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final String JSON_CONTENT_TYPE = "application/x-amz-json-1.1";

    private final HttpServer server;
    private final Deque<Reply> replies = new ArrayDeque<>();
    private final List<List<Entry>> calls = new ArrayList<>();

    private PutEventsTestServer(HttpServer server) {
        this.server = server;
    }

    /** Starts a server on a free port of 127.0.0.1. */
    public static PutEventsTestServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            PutEventsTestServer testServer = new PutEventsTestServer(server);
            server.createContext("/", testServer::handle);
            server.start();
            return testServer;
        } catch (IOException failure) {
            throw new UncheckedIOException("could not start the PutEvents test server on 127.0.0.1", failure);
        }
    }

    /** Returns the URL to set as {@code EVENTBRIDGE_ENDPOINT}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Queues the replies to the next calls, one per call; calls beyond them are accepted whole. */
    public void reply(Reply... next) {
        synchronized (replies) {
            replies.addAll(List.of(next));
        }
    }

    /** Returns the entries of every call received so far, one list per call. */
    public List<List<Entry>> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** Returns the events of every entry received so far, decoded from detail type and detail. */
    public List<OrderDomainEvent> receivedEvents() {
        return calls().stream().flatMap(List::stream).map(Entry::toEvent).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** One entry of a {@code PutEvents} call, as the SDK sent it. */
    public record Entry(String eventBusName, String source, String detailType, String detail, Instant time) {

        /** Returns the domain event that this entry carries. */
        public OrderDomainEvent toEvent() {
            Map<String, String> fields = readFlatObject(detail);
            OrderDomainEvent.Type type = List.of(OrderDomainEvent.Type.values()).stream()
                    .filter(candidate -> candidate.wireName().equals(detailType))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("unknown detail type " + detailType));
            return new OrderDomainEvent(type, new OrderId(fields.get("orderId")),
                    new CustomerId(fields.get("customerId")),
                    Money.parse(fields.get("total"), Currency.getInstance(fields.get("currency"))),
                    Long.parseLong(fields.get("version")), Instant.parse(fields.get("occurredAt")));
        }
    }

    /** What the server returns to one call. */
    public static final class Reply {

        private final int status;
        private final String errorType;
        private final Map<Integer, String> entryErrors;

        private Reply(int status, String errorType, Map<Integer, String> entryErrors) {
            this.status = status;
            this.errorType = errorType;
            this.entryErrors = entryErrors;
        }

        /** Accepts every entry. */
        public static Reply acceptingAll() {
            return new Reply(200, null, Map.of());
        }

        /** Fails the entries at these positions of the call with these error codes, and accepts the others. */
        public static Reply failingEntries(Map<Integer, String> errorCodeByPosition) {
            return new Reply(200, null, Map.copyOf(errorCodeByPosition));
        }

        /** Fails the whole call with HTTP 400 and {@code ThrottlingException}, as EventBridge does past its quota. */
        public static Reply throttling() {
            return new Reply(400, "ThrottlingException", Map.of());
        }

        /** Fails the whole call with this status and error type, such as 400 and {@code AccessDeniedException}. */
        public static Reply failingCall(int status, String errorType) {
            return new Reply(status, errorType, Map.of());
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream input = exchange.getRequestBody()) {
                body = input.readAllBytes();
            }
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (!"AWSEvents.PutEvents".equals(target)) {
                send(exchange, 400, errorBody("UnknownOperationException", "this server answers PutEvents only, not "
                        + target));
                return;
            }
            List<Entry> entries = readEntries(body);
            synchronized (calls) {
                calls.add(entries);
            }
            Reply reply;
            synchronized (replies) {
                reply = replies.isEmpty() ? Reply.acceptingAll() : replies.removeFirst();
            }
            if (reply.status != 200) {
                exchange.getResponseHeaders().add("x-amzn-ErrorType", reply.errorType);
                send(exchange, reply.status, errorBody(reply.errorType, "the test server failed the call"));
                return;
            }
            send(exchange, 200, resultBody(entries.size(), reply.entryErrors));
        }
    }

    private static String resultBody(int entryCount, Map<Integer, String> entryErrors) {
        StringBuilder body = new StringBuilder();
        long failed = entryErrors.keySet().stream().filter(position -> position < entryCount).count();
        body.append("{\"FailedEntryCount\":").append(failed).append(",\"Entries\":[");
        for (int position = 0; position < entryCount; position++) {
            if (position > 0) {
                body.append(',');
            }
            String errorCode = entryErrors.get(position);
            if (errorCode == null) {
                body.append("{\"EventId\":\"").append(UUID.randomUUID()).append("\"}");
            } else {
                body.append("{\"ErrorCode\":\"").append(errorCode)
                        .append("\",\"ErrorMessage\":\"the test server failed this entry\"}");
            }
        }
        return body.append("]}").toString();
    }

    private static String errorBody(String type, String message) {
        return "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}";
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", JSON_CONTENT_TYPE);
        exchange.getResponseHeaders().add("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Reads {@code {"Entries":[{...}, ...]}}; the SDK writes {@code Time} as epoch seconds with a fraction. */
    private static List<Entry> readEntries(byte[] body) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(body)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (!field.equals("Entries")) {
                    parser.skipChildren();
                    continue;
                }
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    entries.add(readEntry(parser));
                }
            }
        }
        return entries;
    }

    private static Entry readEntry(JsonParser parser) throws IOException {
        Map<String, String> fields = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if (parser.currentToken().isStructStart()) {
                parser.skipChildren();
            } else {
                fields.put(field, parser.getText());
            }
        }
        String time = fields.get("Time");
        Instant instant = time == null ? null : epochSeconds(new BigDecimal(time));
        return new Entry(fields.get("EventBusName"), fields.get("Source"), fields.get("DetailType"),
                fields.get("Detail"), instant);
    }

    private static Instant epochSeconds(BigDecimal seconds) {
        BigDecimal whole = seconds.setScale(0, java.math.RoundingMode.FLOOR);
        long nanos = seconds.subtract(whole).movePointRight(9).longValue();
        return Instant.ofEpochSecond(whole.longValueExact(), nanos);
    }

    /** Reads a JSON object whose values are strings or numbers into their text. */
    private static Map<String, String> readFlatObject(String json) {
        Map<String, String> fields = new LinkedHashMap<>();
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new AssertionError("detail is not a JSON object: " + json);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                fields.put(field, parser.getText());
            }
        } catch (IOException malformed) {
            throw new AssertionError("detail is not valid JSON: " + json, malformed);
        }
        return fields;
    }
}
