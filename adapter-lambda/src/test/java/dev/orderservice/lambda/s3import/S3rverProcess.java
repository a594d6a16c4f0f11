package dev.orderservice.lambda.s3import;

import dev.orderservice.testing.NodeToolProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
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

    private static final NodeToolProcess.Tool S3RVER =
            new NodeToolProcess.Tool("s3rver", "node_modules/s3rver/bin/s3rver.js", "");

    private final NodeToolProcess process;

    private S3rverProcess(NodeToolProcess process) {
        this.process = process;
    }

    /**
     * Installs s3rver with {@code npm ci} if tools/s3rver has no node_modules yet, starts it and waits until its
     * port accepts connections.
     */
    static S3rverProcess start() {
        Path data = temporaryDirectory("s3rver-data-");
        return new S3rverProcess(NodeToolProcess.start(S3RVER, port -> List.of(
                "--directory", data.toString(), "--address", NodeToolProcess.LOOPBACK,
                "--port", Integer.toString(port), "--silent", "--no-vhost-buckets"), () -> deleteRecursively(data)));
    }

    URI endpoint() {
        return process.endpoint();
    }

    @Override
    public void close() {
        process.close();
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
}
