package dev.orderservice.adapter.dynamodb;

import dev.orderservice.testing.NodeToolProcess;
import java.net.URI;
import java.util.List;

/**
 * A dynalite server on a free port of 127.0.0.1, started from the version pinned in tools/dynalite.
 *
 * <p>dynalite keeps its tables in memory, so every start is empty. {@link #close()} and a JVM shutdown hook both
 * stop it, so no server outlives the test run even when a test JVM ends abruptly.
 */
final class DynaliteProcess implements AutoCloseable {

    private static final NodeToolProcess.Tool DYNALITE = new NodeToolProcess.Tool("dynalite",
            "node_modules/dynalite/cli.js",
            "Set DYNAMODB_ENDPOINT to test against another DynamoDB-API server instead.");

    private final NodeToolProcess process;

    private DynaliteProcess(NodeToolProcess process) {
        this.process = process;
    }

    /**
     * Installs dynalite with {@code npm ci} if tools/dynalite has no node_modules yet, starts it and waits until
     * its port accepts connections.
     */
    static DynaliteProcess start() {
        return new DynaliteProcess(NodeToolProcess.start(DYNALITE, port -> List.of(
                "--host", NodeToolProcess.LOOPBACK, "--port", Integer.toString(port),
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0")));
    }

    URI endpoint() {
        return process.endpoint();
    }

    @Override
    public void close() {
        process.close();
    }
}
