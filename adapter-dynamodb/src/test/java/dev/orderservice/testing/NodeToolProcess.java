package dev.orderservice.testing;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * A server on Node.js, started from the version pinned in tools/&lt;name&gt; of this repository, on a free port of
 * 127.0.0.1.
 *
 * <p>{@link #close()} and a JVM shutdown hook both stop it, so no server outlives the test run even when a test JVM
 * ends abruptly.
 */
public final class NodeToolProcess implements AutoCloseable {

    /**
     * A Node.js tool pinned in tools/{@code name}.
     *
     * @param name the folder under tools/, also used in log file names and messages
     * @param cli the tool's script relative to its folder, such as {@code node_modules/dynalite/cli.js}
     * @param alternative a sentence added to setup errors that names another way to get such a server, or ""
     */
    public record Tool(String name, String cli, String alternative) {

        public Tool {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(cli, "cli");
            Objects.requireNonNull(alternative, "alternative");
        }
    }

    /** The loopback address that the server binds and clients connect to. */
    public static final String LOOPBACK = "127.0.0.1";

    private static final Duration NPM_CI_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final int START_ATTEMPTS = 3;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final Tool tool;
    private final Process process;
    private final URI endpoint;
    private final Runnable afterStop;
    private final Thread shutdownHook;

    private NodeToolProcess(Tool tool, Process process, int port, Runnable afterStop) {
        this.tool = tool;
        this.process = process;
        this.endpoint = URI.create("http://" + LOOPBACK + ":" + port);
        this.afterStop = afterStop;
        this.shutdownHook = new Thread(this::stop, tool.name() + "-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts the tool as {@link #start(Tool, IntFunction, Runnable)} does, with nothing to do after it stops. */
    public static NodeToolProcess start(Tool tool, IntFunction<List<String>> arguments) {
        return start(tool, arguments, () -> { });
    }

    /**
     * Installs the tool with {@code npm ci} if its folder has no node_modules yet, runs {@code node} with its script
     * and the arguments for a free port, and waits until that port accepts connections.
     *
     * <p>A start that fails is tried again on another port, up to three times, each waiting at most 30 s.
     *
     * @param arguments the command-line arguments for the given port, which must make the tool listen on
     *     {@link #LOOPBACK} at that port
     * @param afterStop cleanup that runs once, after {@link #close()} or the shutdown hook has stopped the tool, or
     *     when this method fails
     * @throws IllegalStateException if the tool cannot be installed or did not start, with its output in the message
     * @throws UncheckedIOException if {@code node} or {@code npm} cannot be run
     */
    public static NodeToolProcess start(Tool tool, IntFunction<List<String>> arguments, Runnable afterStop) {
        try {
            return installAndStart(tool, arguments, afterStop);
        } catch (RuntimeException failed) {
            afterStop.run();
            throw failed;
        }
    }

    private static NodeToolProcess installAndStart(Tool tool, IntFunction<List<String>> arguments,
            Runnable afterStop) {
        Path toolDirectory = findRepositoryRoot(tool).resolve("tools").resolve(tool.name());
        if (!Files.exists(toolDirectory.resolve(tool.cli()))) {
            installPackages(tool, toolDirectory);
        }

        // Another program may take the free port before the tool binds it, so a failed start is tried again.
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnFreePort(tool, toolDirectory, arguments, afterStop);
            } catch (IllegalStateException failed) {
                if (attempt == START_ATTEMPTS) {
                    throw failed;
                }
            }
        }
    }

    private static NodeToolProcess startOnFreePort(Tool tool, Path toolDirectory,
            IntFunction<List<String>> arguments, Runnable afterStop) {
        Path log = logFile(tool.name());
        int port = freePort();
        List<String> command = new ArrayList<>(List.of("node", toolDirectory.resolve(tool.cli()).toString()));
        command.addAll(arguments.apply(port));
        Process process = run(tool, new ProcessBuilder(command).directory(toolDirectory.toFile()), log);
        NodeToolProcess started = new NodeToolProcess(tool, process, port, afterStop);
        started.awaitPort(port, log);
        return started;
    }

    /** Returns the server's address, {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return endpoint;
    }

    /** Stops the server, waiting at most 5 s before it is killed, and then runs the cleanup given to start. */
    @Override
    public void close() {
        stop();
        removeShutdownHook();
    }

    private void stop() {
        stopProcess();
        afterStop.run();
    }

    private void stopProcess() {
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

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or has run, which stops the server as well.
        }
    }

    /**
     * Waits until the port accepts connections. A failure stops the process without the cleanup, because the next
     * attempt may still start the tool, and {@link #start(Tool, IntFunction, Runnable)} runs it when the last fails.
     */
    private void awaitPort(int port, Path log) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!accepts(port)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                stopProcess();
                removeShutdownHook();
                throw new IllegalStateException(tool.name() + " did not start on port " + port + " within "
                        + START_TIMEOUT.toSeconds() + " s; its output:\n" + read(log));
            }
            pause(Duration.ofMillis(100));
        }
    }

    /** Runs {@code npm ci}, holding a lock so that test JVMs running side by side install only once. */
    private static void installPackages(Tool tool, Path toolDirectory) {
        Path lockFile = Path.of(System.getProperty("java.io.tmpdir"),
                "order-service-npm-ci-" + Integer.toHexString(toolDirectory.toAbsolutePath().hashCode()) + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            if (Files.exists(toolDirectory.resolve(tool.cli()))) {
                return;
            }
            runNpmCi(tool, toolDirectory);
        } catch (IOException failure) {
            throw new UncheckedIOException("could not lock " + lockFile + " to install " + tool.name(), failure);
        }
    }

    private static void runNpmCi(Tool tool, Path toolDirectory) {
        Path log = logFile("npm-ci-" + tool.name());
        Process npm = run(tool, new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                .directory(toolDirectory.toFile()), log);
        try {
            boolean finished = npm.waitFor(NPM_CI_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                npm.destroyForcibly();
            }
            if (!finished || npm.exitValue() != 0) {
                throw new IllegalStateException("npm ci in " + toolDirectory + " failed, so " + tool.name()
                        + " is not installed; its output:\n" + read(log) + lineBefore(tool.alternative()));
            }
        } catch (InterruptedException interrupted) {
            npm.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while npm ci installed " + tool.name(), interrupted);
        }
    }

    private static Process run(Tool tool, ProcessBuilder builder, Path log) {
        try {
            return builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException failure) {
            throw new UncheckedIOException("could not run " + builder.command().get(0) + "; the tests that use "
                    + tool.name() + " need Node.js 20 or later with npm on the PATH." + spaceBefore(tool.alternative()),
                    failure);
        }
    }

    /** Walks up from the working directory, a module of the build, to the folder that has tools/&lt;name&gt;. */
    private static Path findRepositoryRoot(Tool tool) {
        String packageJson = "tools/" + tool.name() + "/package.json";
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path directory = start; directory != null; directory = directory.getParent()) {
            if (Files.exists(directory.resolve(packageJson))) {
                return directory;
            }
        }
        throw new IllegalStateException("no " + packageJson + " in " + start + " or a folder above it;"
                + " run the tests from a checkout of the order service." + spaceBefore(tool.alternative()));
    }

    private static String lineBefore(String sentence) {
        return sentence.isEmpty() ? "" : "\n" + sentence;
    }

    private static String spaceBefore(String sentence) {
        return sentence.isEmpty() ? "" : " " + sentence;
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

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + tool.name() + " to start",
                    interrupted);
        }
    }
}
