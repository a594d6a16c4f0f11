package dev.orderservice.lambda.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lambda Runtime API, version 2018-06-01, as Lambda serves it to the runtime of an execution environment,
 * on a random port of 127.0.0.1. Tests queue events with {@link #invoke(byte[])}; the runtime fetches each with
 * {@code GET /runtime/invocation/next} and posts the handler's result to {@code /runtime/invocation/{id}/response}
 * or {@code .../error}. A failed initialisation is posted to {@code /runtime/init/error}.
 *
 * <p>Paths and headers follow AWS's "Using the Lambda runtime API for custom runtimes" page. The server hands
 * out one invocation at a time per request to {@code next}, and keeps that request open until an event is
 * queued, as Lambda does.
 */
final class RuntimeApiServer implements AutoCloseable {

    static final String REQUEST_ID_HEADER = "Lambda-Runtime-Aws-Request-Id";
    static final String DEADLINE_HEADER = "Lambda-Runtime-Deadline-Ms";
    static final String FUNCTION_ARN_HEADER = "Lambda-Runtime-Invoked-Function-Arn";
    static final String TRACE_ID_HEADER = "Lambda-Runtime-Trace-Id";
    static final String ERROR_TYPE_HEADER = "Lambda-Runtime-Function-Error-Type";

    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final Pattern INVOCATION_RESULT = Pattern.compile(
            PREFIX + "invocation/([^/]+)/(response|error)");
    private static final byte[] ACCEPTED = "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService threads;
    private final String functionArn;
    private final Duration functionTimeout;
    private final BlockingQueue<Invocation> queued = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> delivered = new ConcurrentHashMap<>();
    private final List<Result> initErrors = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Long> firstNextNanos = new CompletableFuture<>();
    private final CompletableFuture<Result> firstInitError = new CompletableFuture<>();

    private RuntimeApiServer(HttpServer server, ExecutorService threads, String functionArn,
            Duration functionTimeout) {
        this.server = server;
        this.threads = threads;
        this.functionArn = functionArn;
        this.functionTimeout = functionTimeout;
    }

    /**
     * Starts a server for one function.
     *
     * @param functionArn the ARN sent as {@code Lambda-Runtime-Invoked-Function-Arn}
     * @param functionTimeout the function's timeout, which sets each invocation's deadline
     */
    static RuntimeApiServer start(String functionArn, Duration functionTimeout) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException failure) {
            throw new UncheckedIOException("could not open a port on 127.0.0.1 for the Runtime API", failure);
        }
        // next blocks until an event is queued, so every exchange gets a thread of its own.
        ExecutorService threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "runtime-api");
            thread.setDaemon(true);
            return thread;
        });
        RuntimeApiServer runtimeApi = new RuntimeApiServer(server, threads, functionArn, functionTimeout);
        server.createContext("/", runtimeApi::handle);
        server.setExecutor(threads);
        server.start();
        return runtimeApi;
    }

    /** Returns the value for {@code AWS_LAMBDA_RUNTIME_API}: host and port, without a scheme. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues an event, exactly these bytes, for the runtime's next {@code GET next}. */
    Invocation invoke(byte[] event) {
        Invocation invocation = new Invocation(UUID.randomUUID().toString(), event);
        queued.add(invocation);
        return invocation;
    }

    /** Returns the errors the runtime reported from its initialisation, in the order received. */
    List<Result> initErrors() {
        return List.copyOf(initErrors);
    }

    /**
     * Waits for the runtime to report a failed initialisation, as it does when the handler's constructor throws.
     *
     * @throws TimeoutException when no report arrives within {@code timeout}
     */
    Result awaitInitError(Duration timeout) throws TimeoutException, InterruptedException {
        try {
            return firstInitError.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException impossible) {
            throw new IllegalStateException("an init error never completes exceptionally", impossible);
        }
    }

    /** Returns when the runtime first asked for an event, in {@link System#nanoTime()} terms, if it has. */
    Optional<Long> firstNextNanos() {
        return Optional.ofNullable(firstNextNanos.getNow(null));
    }

    @Override
    public void close() {
        server.stop(0);
        // Interrupts a next request still waiting for an event.
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Matcher result = INVOCATION_RESULT.matcher(path);
            if (method.equals("GET") && path.equals(PREFIX + "invocation/next")) {
                next(exchange);
            } else if (method.equals("POST") && result.matches()) {
                record(exchange, result.group(1), result.group(2).equals("error"));
            } else if (method.equals("POST") && path.equals(PREFIX + "init/error")) {
                Result initError = readResult(exchange, true);
                initErrors.add(initError);
                firstInitError.complete(initError);
                send(exchange, 202, ACCEPTED);
            } else {
                send(exchange, 404, problem("NotFound", method + " " + path + " is not a Runtime API call"));
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        firstNextNanos.complete(System.nanoTime());
        Invocation invocation;
        try {
            invocation = queued.take();
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
            return;
        }
        delivered.put(invocation.requestId(), invocation);
        long deadline = System.currentTimeMillis() + functionTimeout.toMillis();
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add(REQUEST_ID_HEADER, invocation.requestId());
        exchange.getResponseHeaders().add(DEADLINE_HEADER, Long.toString(deadline));
        exchange.getResponseHeaders().add(FUNCTION_ARN_HEADER, functionArn);
        exchange.getResponseHeaders().add(TRACE_ID_HEADER, traceId());
        send(exchange, 200, invocation.event());
    }

    private void record(HttpExchange exchange, String requestId, boolean error) throws IOException {
        Result result = readResult(exchange, error);
        Invocation invocation = delivered.get(requestId);
        if (invocation == null) {
            send(exchange, 400, problem("InvalidRequestID", "no invocation " + requestId + " was handed out"));
        } else if (!invocation.complete(result)) {
            send(exchange, 400, problem("InvalidStateTransition", "invocation " + requestId + " has a result"));
        } else {
            send(exchange, 202, ACCEPTED);
        }
    }

    private static Result readResult(HttpExchange exchange, boolean error) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        long receivedNanos = System.nanoTime();
        String errorType = exchange.getRequestHeaders().getFirst(ERROR_TYPE_HEADER);
        return new Result(error, body, errorType, receivedNanos);
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] problem(String errorType, String message) {
        String escaped = message.replace("\\", "\\\\").replace("\"", "\\\"");
        return ("{\"errorMessage\":\"" + escaped + "\",\"errorType\":\"" + errorType + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Returns an X-Ray trace header in Lambda's shape: a root id with the epoch seconds, a parent, unsampled. */
    private static String traceId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        HexFormat hex = HexFormat.of();
        String epochSeconds = Long.toHexString(System.currentTimeMillis() / 1000);
        return "Root=1-" + epochSeconds + "-" + hex.toHexDigits(random.nextLong()).substring(0, 8)
                + hex.toHexDigits(random.nextLong()) + ";Parent=" + hex.toHexDigits(random.nextLong())
                + ";Sampled=0";
    }

    /**
     * What the runtime posted for an invocation or its initialisation.
     *
     * @param error whether it was posted as an error
     * @param body the posted bytes: the handler's output, or an error document
     * @param errorType the {@code Lambda-Runtime-Function-Error-Type} header, or {@code null}
     * @param receivedNanos when the body had arrived, in {@link System#nanoTime()} terms
     */
    record Result(boolean error, byte[] body, String errorType, long receivedNanos) {

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** One queued event and, once the runtime posts it, its result. */
    static final class Invocation {

        private final String requestId;
        private final byte[] event;
        private final CompletableFuture<Result> result = new CompletableFuture<>();

        private Invocation(String requestId, byte[] event) {
            this.requestId = requestId;
            this.event = event.clone();
        }

        String requestId() {
            return requestId;
        }

        byte[] event() {
            return event.clone();
        }

        /**
         * Waits for the runtime's result.
         *
         * @throws TimeoutException when none arrives within {@code timeout}
         */
        Result await(Duration timeout) throws TimeoutException, InterruptedException {
            try {
                return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException impossible) {
                throw new IllegalStateException("an invocation result never completes exceptionally", impossible);
            }
        }

        /** Returns whether the runtime has posted a result for this invocation. */
        boolean isAnswered() {
            return result.isDone();
        }

        private boolean complete(Result posted) {
            return result.complete(posted);
        }
    }
}
