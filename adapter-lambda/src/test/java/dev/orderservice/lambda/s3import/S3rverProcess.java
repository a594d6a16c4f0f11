package dev.orderservice.lambda.s3import;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An s3rver process, the S3-API server on Node.js pinned in tools/s3rver, on a free port of 127.0.0.1, with its
 * buckets in a temporary folder that {@link #close()} deletes.
 *
 * <p>s3rver checks signatures against one account, access key {@value #ACCESS_KEY_ID} and secret key
 * {@value #SECRET_ACCESS_KEY}. {@link #close()} and a JVM shutdown hook both stop it, so no server outlives the
 * test run.
 */
final class S3rverProcess implements AutoCloseable {

    static final String ACCESS_KEY_ID = "S3RVER";
    static final String SECRET_ACCESS_KEY = "S3RVER";

    private static final Duration NPM_CI_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final int START_ATTEMPTS = 3;
    private static final String LOOPBACK = "127.0.0.1";
    private static final String CLI = "node_modules/s3rver/bin/s3rver.js";

    private final Process process;
    private final URI endpoint;
    private final Path dataDirectory;
    private final Thread shutdownHook;

    private S3rverProcess(Process process, int port, Path dataDirectory) {
        this.process = process;
        this.endpoint = URI.create("http://" + LOOPBACK + ":" + port);
        this.dataDirectory = dataDirectory;
        this.shutdownHook = new Thread(this::stop, "s3rver-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Installs s3rver with {@code npm ci} if tools/s3rver has no node_modules yet, starts it and waits until its
     * port accepts connections.
     */
    static S3rverProcess start() {
        Path toolDirectory = findRepositoryRoot().resolve("tools").resolve("s3rver");
        if (!Files.exists(toolDirectory.resolve(CLI))) {
            installPackages(toolDirectory);
        }
        // Another program may take the free port before s3rver binds it, so a failed start is tried again.
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnFreePort(toolDirectory);
            } catch (IllegalStateException failed) {
                if (attempt == START_ATTEMPTS) {
                    throw failed;
                }
            }
        }
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or has run, which stops the server as well.
        }
    }

    private static S3rverProcess startOnFreePort(Path toolDirectory) {
        Path log = logFile("s3rver");
        Path data = temporaryDirectory("s3rver-data-");
        int port = freePort();
        List<String> command = List.of("node", CLI, "--directory", data.toString(), "--address", LOOPBACK,
                "--port", Integer.toString(port), "--silent", "--no-vhost-buckets");
        Process process = run(new ProcessBuilder(command).directory(toolDirectory.toFile()), log);
        S3rverProcess s3rver = new S3rverProcess(process, port, data);
        s3rver.awaitPort(port, log);
        return s3rver;
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteRecursively(dataDirectory);
    }

    private void awaitPort(int port, Path log) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!accepts(port)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                close();
                throw new IllegalStateException("s3rver did not start on port " + port + " within "
                        + START_TIMEOUT.toSeconds() + " s; its output:\n" + read(log));
            }
            pause(Duration.ofMillis(100));
        }
    }

    /** Runs {@code npm ci}, holding a lock so that test JVMs running side by side install only once. */
    private static void installPackages(Path toolDirectory) {
        Path lockFile = Path.of(System.getProperty("java.io.tmpdir"),
                "order-service-npm-ci-" + Integer.toHexString(toolDirectory.toAbsolutePath().hashCode()) + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            if (Files.exists(toolDirectory.resolve(CLI))) {
                return;
            }
            runNpmCi(toolDirectory);
        } catch (IOException failure) {
            throw new UncheckedIOException("could not lock " + lockFile + " to install s3rver", failure);
        }
    }

    private static void runNpmCi(Path toolDirectory) {
        Path log = logFile("npm-ci-s3rver");
        Process npm = run(new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                .directory(toolDirectory.toFile()), log);
        try {
            boolean finished = npm.waitFor(NPM_CI_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                npm.destroyForcibly();
            }
            if (!finished || npm.exitValue() != 0) {
                throw new IllegalStateException("npm ci in " + toolDirectory + " failed, so s3rver is not installed;"
                        + " its output:\n" + read(log));
            }
        } catch (InterruptedException interrupted) {
            npm.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while npm ci installed s3rver", interrupted);
        }
    }

    private static Process run(ProcessBuilder builder, Path log) {
        try {
            return builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException failure) {
            throw new UncheckedIOException("could not run " + builder.command().get(0) + "; the S3 import tests"
                    + " need Node.js 20 or later with npm on the PATH", failure);
        }
    }

    /** Walks up from the working directory, a module of the build, to the folder that has tools/s3rver. */
    private static Path findRepositoryRoot() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path directory = start; directory != null; directory = directory.getParent()) {
            if (Files.exists(directory.resolve("tools/s3rver/package.json"))) {
                return directory;
            }
        }
        throw new IllegalStateException("no tools/s3rver/package.json in " + start + " or a folder above it;"
                + " run the tests from a checkout of the order service");
    }

    private static Path logFile(String name) {
        Path target = Path.of(System.getProperty("user.dir"), "target");
        try {
            Path directory = Files.isDirectory(target) ? target : Path.of(System.getProperty("java.io.tmpdir"));
            return Files.createTempFile(directory, name + "-", ".log");
        } catch (IOException failure) {
            throw new UncheckedIOException("could not create a log file for " + name, failure);
        }
    }

    private static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException failure) {
            throw new UncheckedIOException("could not create a folder for s3rver's buckets", failure);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException alreadyGone) {
            // A folder in the temporary directory that is left behind does no harm.
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException failure) {
            throw new UncheckedIOException("could not find a free port on " + LOOPBACK, failure);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException failure) {
            return "(the log " + log + " could not be read: " + failure.getMessage() + ")";
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for s3rver to start", interrupted);
        }
    }
}
