package dev.orderservice.lambda.runtime;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Calls a stream handler in this JVM many times with one event and writes the latency per call. The cold-start
 * benchmark runs it in a child JVM whose class path is the unpacked Lambda package, with the function's
 * environment, so the handler is built as on Lambda, with its no-argument constructor.
 *
 * <p>Arguments: handler class, event file, warm-up calls, measured calls, result file. The result file gets
 * {@code median_us}, {@code p99_us} and {@code mean_us} lines.
 */
public final class WarmLatencyBenchmark {

    private static final Pattern CREATED = Pattern.compile("\"statusCode\"\\s*:\\s*201\\b");

    private WarmLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            throw new IllegalArgumentException("expected: handlerClass eventFile warmUpCalls measuredCalls resultFile");
        }
        RequestStreamHandler handler = (RequestStreamHandler) Class.forName(args[0]).getConstructor().newInstance();
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        int warmUpCalls = Integer.parseInt(args[2]);
        int measuredCalls = Integer.parseInt(args[3]);
        BenchmarkContext context = new BenchmarkContext();
        ByteArrayOutputStream output = new ByteArrayOutputStream(8192);

        for (int call = 0; call < warmUpCalls; call++) {
            output.reset();
            handler.handleRequest(new ByteArrayInputStream(event), output, context.next());
            checkCreated(output);
        }

        long[] nanos = new long[measuredCalls];
        for (int call = 0; call < measuredCalls; call++) {
            output.reset();
            ByteArrayInputStream input = new ByteArrayInputStream(event);
            context.next();
            long start = System.nanoTime();
            handler.handleRequest(input, output, context);
            nanos[call] = System.nanoTime() - start;
            checkCreated(output);
        }

        Arrays.sort(nanos);
        double mean = Arrays.stream(nanos).average().orElse(0);
        String result = "median_us=" + nanos[nanos.length / 2] / 1000 + "\n"
                + "p99_us=" + nanos[(int) Math.ceil(nanos.length * 0.99) - 1] / 1000 + "\n"
                + "mean_us=" + Math.round(mean / 1000) + "\n";
        Files.writeString(Path.of(args[4]), result, StandardCharsets.UTF_8);
    }

    private static void checkCreated(ByteArrayOutputStream output) {
        if (!CREATED.matcher(output.toString(StandardCharsets.UTF_8)).find()) {
            throw new IllegalStateException("the handler returned no 201 response but: "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }
}
