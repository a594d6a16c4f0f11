package dev.orderservice.adapter.dynamodb;

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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A dynalite server on a free port of 127.0.0.1, started from the version pinned in tools/dynalite.
 *
 * <p>dynalite keeps its tables in memory, so every start is empty. {@link #close()} and a JVM shutdown hook both
 * stop it, so no server outlives the test run even when a test JVM ends abruptly.
 */
final class DynaliteProcess implements AutoCloseable {

    private static final Duration NPM_CI_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final int START_ATTEMPTS = 3;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final String LOOPBACK = "127.0.0.1";

    private final Process process;
    private final URI endpoint;
    private final Thread shutdownHook;

    private DynaliteProcess(Process process, int port) {
        this.process = process;
        this.endpoint = URI.create("http://" + LOOPBACK + ":" + port);
        this.shutdownHook = new Thread(this::stop, "dynalite-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Installs dynalite with {@code npm ci} if tools/dynalite has no node_modules yet, starts it and waits until
     * its port accepts connections.
     */
    static DynaliteProcess start() {
        Path toolDirectory = findRepositoryRoot().resolve("tools").resolve("dynalite");
        Path cli = toolDirectory.resolve("node_modules/dynalite/cli.js");
        if (!Files.exists(cli)) {
            installPackages(toolDirectory);
        }

        // Another program may take the free port before dynalite binds it, so a failed start is tried again.
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnFreePort(toolDirectory, cli);
            } catch (IllegalStateException failed) {
                if (attempt == START_ATTEMPTS) {
                    throw failed;
                }
            }
        }
    }

    private static DynaliteProcess startOnFreePort(Path toolDirectory, Path cli) {
        Path log = logFile("dynalite");
        int port = freePort();
        List<String> command = List.of("node", cli.toString(), "--host", LOOPBACK, "--port", Integer.toString(port),
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0");
        Process process = run(new ProcessBuilder(command).directory(toolDirectory.toFile()), log);
        DynaliteProcess dynalite = new DynaliteProcess(process, port);
        dynalite.awaitPort(port, log);
        return dynalite;
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
    }

    private void awaitPort(int port, Path log) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!accepts(port)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                close();
                throw new IllegalStateException("dynalite did not start on port " + port + " within "
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
            if (Files.exists(toolDirectory.resolve("node_modules/dynalite/cli.js"))) {
                return;
            }
            runNpmCi(toolDirectory);
        } catch (IOException failure) {
            throw new UncheckedIOException("could not lock " + lockFile + " to install dynalite", failure);
        }
    }

    private static void runNpmCi(Path toolDirectory) {
        Path log = logFile("npm-ci");
        Process npm = run(new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                .directory(toolDirectory.toFile()), log);
        try {
            boolean finished = npm.waitFor(NPM_CI_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                npm.destroyForcibly();
            }
            if (!finished || npm.exitValue() != 0) {
                throw new IllegalStateException("npm ci in " + toolDirectory + " failed, so dynalite is not"
                        + " installed; its output:\n" + read(log) + "\nSet DYNAMODB_ENDPOINT to test against"
                        + " another DynamoDB-API server instead.");
            }
        } catch (InterruptedException interrupted) {
            npm.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while npm ci installed dynalite", interrupted);
        }
    }

    private static Process run(ProcessBuilder builder, Path log) {
        try {
            return builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException failure) {
            throw new UncheckedIOException("could not run " + builder.command().get(0) + "; the DynamoDB tests need"
                    + " Node.js 20 or later with npm on the PATH, or DYNAMODB_ENDPOINT set to a running server",
                    failure);
        }
    }

    /** Walks up from the working directory, a module of the build, to the folder that has tools/dynalite. */
    private static Path findRepositoryRoot() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path directory = start; directory != null; directory = directory.getParent()) {
            if (Files.exists(directory.resolve("tools/dynalite/package.json"))) {
                return directory;
            }
        }
        throw new IllegalStateException("no tools/dynalite/package.json in " + start + " or a folder above it;"
                + " run the tests from a checkout of the order service, or set DYNAMODB_ENDPOINT");
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
            throw new IllegalStateException("interrupted while waiting for dynalite to start", interrupted);
        }
    }
}
