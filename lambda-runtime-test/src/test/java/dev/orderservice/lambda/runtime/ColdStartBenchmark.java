package dev.orderservice.lambda.runtime;

import dev.orderservice.adapter.dynamodb.DynaliteServer;
import dev.orderservice.adapter.dynamodb.DynamoDbSettings;
import dev.orderservice.lambda.runtime.RuntimeApiServer.Invocation;
import dev.orderservice.lambda.runtime.RuntimeApiServer.Result;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Measures cold starts as a Lambda user feels them: from the launch of a fresh JVM on AWS's runtime interface
 * client to the Runtime API server receiving the first response. It launches, interleaved, the order service's
 * HttpApiFunction serving a {@code POST /orders} that reads the catalog and writes the order on dynalite, and
 * a typed hello-world handler that returns a constant for the same event, both with the template's
 * {@code JAVA_TOOL_OPTIONS}. Then it prints each launch, both medians and their ratio, where the order service's
 * classes come from, the package's size, and the warm latency of the handler alone on the in-memory store.
 *
 * <p>Run: {@code mvn -q -pl lambda-runtime-test -am -DskipTests -Pbenchmark verify}. System properties:
 * {@code benchmark.launches} (default 7, at least 5), {@code benchmark.warmUpCalls} (2000) and
 * {@code benchmark.measuredCalls} (10000).
 */
public final class ColdStartBenchmark {

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);
    private static final String ORDERS_FUNCTION = "HttpApiFunction";

    private ColdStartBenchmark() {
    }

    /** One function under test: its unpacked package, its handler string and its environment. */
    private record Subject(String name, LambdaPackage taskRoot, String handler, Map<String, String> environment) {

        String fileName() {
            return name.replaceAll("[^A-Za-z0-9]+", "-");
        }
    }

    /** One launch: milliseconds from launch to the response, split at the runtime's first call to next. */
    private record Launch(String subject, double totalMillis, double initMillis, double invokeMillis, int status) {
    }

    public static void main(String[] args) throws Exception {
        int launches = Integer.getInteger("benchmark.launches", 7);
        if (launches < 5) {
            throw new IllegalArgumentException("benchmark.launches must be at least 5, was " + launches);
        }
        SamTemplate template = SamTemplate.load(BuildFiles.samTemplate());
        Path zip = BuildFiles.lambdaZip();
        LambdaPackage orders = LambdaPackage.unzip(zip, BuildFiles.workDirectory("orders-task"));
        LambdaPackage helloWorld = LambdaPackage.assemble(BuildFiles.workDirectory("hello-world-task"),
                HelloWorldHandler.class, BuildFiles.helloWorldLibraries());
        printMachine();

        try (DynaliteServer dynamoDb = DynaliteServer.start()) {
            DynamoDbSettings tables = dynamoDb.newTablesWithDemoCatalog(FunctionFixture.CURSOR_SECRET);
            Map<String, String> ordersEnvironment = FunctionFixture.environment(template, ORDERS_FUNCTION, tables);
            String javaToolOptions = ordersEnvironment.get("JAVA_TOOL_OPTIONS");
            Subject orderService = new Subject("order service", orders,
                    FunctionFixture.handler(template, ORDERS_FUNCTION), ordersEnvironment);
            Subject typedHelloWorld = new Subject("typed hello-world", helloWorld, HelloWorldHandler.HANDLER,
                    Map.of("JAVA_TOOL_OPTIONS", javaToolOptions));
            System.out.printf("JAVA_TOOL_OPTIONS from template.yaml: %s%n%n", javaToolOptions);

            // The same handler without DynamoDB, for reference: the difference is the AWS SDK's share.
            Map<String, String> memoryEnvironment = new LinkedHashMap<>(ordersEnvironment);
            memoryEnvironment.put("ORDERS_STORE", "memory");
            Subject inMemory = new Subject("order service, in-memory store", orders, orderService.handler(),
                    memoryEnvironment);

            compareColdStarts(List.of(orderService, typedHelloWorld, inMemory), launches);
            profileClassLoading(List.of(orderService, typedHelloWorld, inMemory));
        }
        printPackageSize(zip, orders);
        measureWarmLatency(template, orders);
        System.out.printf("load average at the end: %s%n", loadAverage());
    }

    /**
     * Launches every subject once per round, in an order that rotates from round to round, and prints each
     * launch and the medians. The ratio compares the first subject with the second; the others are printed
     * beside them for reference.
     */
    private static void compareColdStarts(List<Subject> subjects, int launches) throws Exception {
        System.out.printf("%-8s %-30s %9s %9s %12s %6s%n", "launch", "function", "total ms", "init ms",
                "invoke ms", "status");
        // One launch of each first, not counted, so that all read their jars from the page cache alike.
        for (Subject subject : subjects) {
            print("warm-up", launch(subject, ""));
        }

        Map<Subject, List<Launch>> launchesBySubject = new LinkedHashMap<>();
        subjects.forEach(subject -> launchesBySubject.put(subject, new ArrayList<>()));
        for (int round = 1; round <= launches; round++) {
            // Rotating which goes first spreads any drift within a round over all subjects.
            for (int slot = 0; slot < subjects.size(); slot++) {
                Subject subject = subjects.get((round + slot) % subjects.size());
                Launch launch = launch(subject, "");
                launchesBySubject.get(subject).add(launch);
                print(Integer.toString(round), launch);
            }
        }

        System.out.println();
        launchesBySubject.forEach((subject, results) -> System.out.printf("%-8s %-30s %9.1f %9.1f %12.1f%n",
                "median", subject.name(), median(results, Launch::totalMillis), median(results, Launch::initMillis),
                median(results, Launch::invokeMillis)));
        double ordersMedian = median(launchesBySubject.get(subjects.get(0)), Launch::totalMillis);
        double helloMedian = median(launchesBySubject.get(subjects.get(1)), Launch::totalMillis);
        System.out.printf("ratio    %.2f (%s / %s; target at most 2.00) over %d launches each%n%n",
                ordersMedian / helloMedian, subjects.get(0).name(), subjects.get(1).name(), launches);
    }

    /**
     * Launches a fresh JVM for {@code subject}, with {@code extraOptions} appended to its JAVA_TOOL_OPTIONS, hands
     * it a POST /orders event and waits for the response.
     */
    private static Launch launch(Subject subject, String extraOptions) throws Exception {
        Map<String, String> environment = new LinkedHashMap<>(subject.environment());
        environment.merge("JAVA_TOOL_OPTIONS", extraOptions, (options, extra) -> (options + " " + extra).strip());
        Path log = BuildFiles.workDirectory("logs").resolve(subject.fileName() + ".log");
        byte[] event = ApiGatewayEvents.httpApi("POST", "/orders", "", Map.of("Content-Type", "application/json"),
                FunctionFixture.placeOrderBody("cust-benchmark"));

        try (RuntimeApiServer runtimeApi = RuntimeApiServer.start(RuntimeInterfaceClientProcess.functionArn(),
                Duration.ofSeconds(20))) {
            Invocation invocation = runtimeApi.invoke(event);
            try (RuntimeInterfaceClientProcess runtime = RuntimeInterfaceClientProcess.start(subject.taskRoot(),
                    subject.handler(), environment, runtimeApi.address(), log)) {
                Result result = invocation.await(ANSWER_TIMEOUT);
                if (result.error()) {
                    throw new IllegalStateException(subject.name() + " failed: " + result.bodyText() + "\n"
                            + runtime.output());
                }
                long firstNext = runtimeApi.firstNextNanos().orElseThrow();
                return new Launch(subject.name(), millis(result.receivedNanos() - runtime.launchedNanos()),
                        millis(firstNext - runtime.launchedNanos()), millis(result.receivedNanos() - firstNext),
                        ApiGatewayResponse.fromHttpApiOutput(result.body()).status());
            }
        }
    }

    /** Launches each subject once more with class loading logged, and prints where the classes came from. */
    private static void profileClassLoading(List<Subject> subjects) throws Exception {
        System.out.println("Classes loaded up to the first response (one more launch each, -Xlog:class+load):");
        for (Subject subject : subjects) {
            Path classLog = BuildFiles.workDirectory("logs").resolve(subject.fileName() + "-class-load.log");
            Files.deleteIfExists(classLog);
            Launch launch = launch(subject, "-Xlog:class+load=info:file=" + classLog);
            printClassSources(subject.name(), launch, classLog);
        }
        System.out.println();
    }

    private static void printClassSources(String subject, Launch launch, Path classLog) throws IOException {
        Map<String, ClassSource> bySource = new LinkedHashMap<>();
        try (Stream<String> lines = Files.lines(classLog, StandardCharsets.UTF_8)) {
            lines.forEach(line -> bySource.computeIfAbsent(classSource(line), ClassSource::new)
                    .add(uptimeSeconds(line)));
        }
        int total = bySource.values().stream().mapToInt(ClassSource::count).sum();
        System.out.printf("  %s: %d classes, %.0f ms to the response with logging on%n", subject, total,
                launch.totalMillis());
        System.out.printf("    %6s  %-8s %-8s %s%n", "count", "first s", "last s", "source");
        bySource.values().stream()
                .sorted(Comparator.comparingInt(ClassSource::count).reversed())
                .limit(14)
                .forEach(source -> System.out.printf("    %6d  %-8.3f %-8.3f %s%n", source.count(), source.first(),
                        source.last(), source.name()));
    }

    /** Returns the source of a {@code -Xlog:class+load} line's class: a jar's name, a module, or the CDS archive. */
    private static String classSource(String line) {
        int at = line.indexOf("source: ");
        if (at < 0) {
            return "(no source)";
        }
        String source = line.substring(at + "source: ".length()).strip();
        if (source.startsWith("file:")) {
            String path = source.substring("file:".length());
            return path.endsWith("/") ? "package root (classes of the zip)" : Path.of(path).getFileName().toString();
        }
        if (source.startsWith("jar:file:")) {
            return Path.of(source.substring("jar:file:".length()).split("!")[0]).getFileName().toString();
        }
        if (source.startsWith("jrt:/") || source.equals("shared objects file")) {
            return source;
        }
        // Lambda forms, proxies and hidden classes name their defining class or a JVM marker as source.
        return "generated at run time (lambdas, proxies)";
    }

    /** Returns the JVM uptime that a {@code -Xlog} line starts with, such as {@code [0.123s]}. */
    private static double uptimeSeconds(String line) {
        int end = line.indexOf("s]");
        if (!line.startsWith("[") || end < 0) {
            return Double.NaN;
        }
        return Double.parseDouble(line.substring(1, end));
    }

    /** The classes from one source: how many, and the uptime of the first and the last. */
    private static final class ClassSource {

        private final String name;
        private int count;
        private double first = Double.NaN;
        private double last = Double.NaN;

        ClassSource(String name) {
            this.name = name;
        }

        void add(double uptime) {
            count++;
            if (Double.isNaN(first)) {
                first = uptime;
            }
            last = uptime;
        }

        String name() {
            return name;
        }

        int count() {
            return count;
        }

        double first() {
            return first;
        }

        double last() {
            return last;
        }
    }

    private static void printPackageSize(Path zip, LambdaPackage orders) throws IOException {
        long bytes = Files.size(zip);
        System.out.printf("orders-lambda.zip: %,d bytes (%.1f MiB), %d jars in lib/: %s%n%n", bytes,
                bytes / (1024.0 * 1024.0), orders.libraryNames().size(), String.join(", ", orders.libraryNames()));
    }

    /**
     * Runs {@link WarmLatencyBenchmark} in a child JVM on the unpacked package, with the function's template
     * environment and flags but {@code ORDERS_STORE=memory}, and prints its result.
     */
    private static void measureWarmLatency(SamTemplate template, LambdaPackage orders) throws Exception {
        int warmUpCalls = Integer.getInteger("benchmark.warmUpCalls", 2000);
        int measuredCalls = Integer.getInteger("benchmark.measuredCalls", 10000);
        Path directory = BuildFiles.workDirectory("warm");
        Path eventFile = directory.resolve("post-orders-event.json");
        Path resultFile = directory.resolve("result.txt");
        Files.write(eventFile, ApiGatewayEvents.httpApi("POST", "/orders", "", Map.of("Content-Type",
                "application/json"), FunctionFixture.placeOrderBody("cust-warm")));
        Files.deleteIfExists(resultFile);

        Map<String, String> environment = new LinkedHashMap<>(template.resolvedEnvironment(ORDERS_FUNCTION,
                Map.of("OrdersTable", "unused", "ProductsTable", "unused", "CursorSecret",
                        FunctionFixture.CURSOR_SECRET)));
        environment.put("ORDERS_STORE", "memory");
        List<String> classpath = new ArrayList<>();
        orders.classpath().forEach(entry -> classpath.add(entry.toString()));
        classpath.add(Path.of(WarmLatencyBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString());
        String handlerClass = FunctionFixture.handler(template, ORDERS_FUNCTION).split("::")[0];
        ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-classpath",
                String.join(File.pathSeparator, classpath), WarmLatencyBenchmark.class.getName(), handlerClass,
                eventFile.toString(), Integer.toString(warmUpCalls), Integer.toString(measuredCalls),
                resultFile.toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("handler-output.log").toFile());
        builder.environment().putAll(environment);

        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("the warm latency run failed; see " + directory.resolve(
                    "handler-output.log"));
        }
        Map<String, String> result = Files.readAllLines(resultFile).stream()
                .map(line -> line.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1], (first, second) -> second,
                        LinkedHashMap::new));
        System.out.printf("warm latency, HttpApiHandler alone, in-memory store, POST /orders: median %s us,"
                + " p99 %s us, mean %s us over %,d calls after %,d warm-up calls (JAVA_TOOL_OPTIONS %s)%n",
                result.get("median_us"), result.get("p99_us"), result.get("mean_us"), measuredCalls, warmUpCalls,
                environment.get("JAVA_TOOL_OPTIONS"));
    }

    private static void printMachine() throws IOException {
        String cpu = "unknown CPU";
        Path cpuInfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuInfo)) {
            cpu = Files.readAllLines(cpuInfo).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst().orElse(cpu);
        }
        System.out.printf("machine: %d cores (%s), %s %s, Java %s (%s)%n", Runtime.getRuntime().availableProcessors(),
                cpu, System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.name"));
        // Other work on the machine slows launches unevenly, so the figures are only comparable at a low load.
        System.out.printf("load average at the start: %s%n", loadAverage());
    }

    /** Returns the 1, 5 and 15 minute load averages of Linux, or "unknown" elsewhere. */
    private static String loadAverage() throws IOException {
        Path loadAverage = Path.of("/proc/loadavg");
        if (!Files.isReadable(loadAverage)) {
            return "unknown";
        }
        String[] fields = Files.readString(loadAverage).strip().split("\\s+");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private static void print(String label, Launch launch) {
        System.out.printf("%-8s %-30s %9.1f %9.1f %12.1f %6d%n", label, launch.subject(),
                launch.totalMillis(), launch.initMillis(), launch.invokeMillis(), launch.status());
    }

    private static double median(List<Launch> launches, ToDoubleFunction<Launch> value) {
        double[] sorted = launches.stream().mapToDouble(value).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
