package dev.orderservice.lambda.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files that the build puts in place for these tests: the Lambda package, the SAM template, the runtime
 * interface client's jars and the hello-world function's jars. The pom passes each path as a system property;
 * the defaults are the same paths seen from this module's folder, for runs from an IDE.
 */
final class BuildFiles {

    private BuildFiles() {
    }

    /** Returns adapter-lambda's deployment package, {@code orders-lambda.zip}. */
    static Path lambdaZip() {
        return existing("lambda.zip", "../adapter-lambda/target/orders-lambda.zip",
                "build it with: mvn -pl adapter-lambda -am -DskipTests package");
    }

    /** Returns the deployment package of the S3 import and stream functions, {@code orders-lambda-pipelines.zip}. */
    static Path pipelinesZip() {
        return existing("lambda.pipelines.zip", "../adapter-lambda/target/orders-lambda-pipelines.zip",
                "build it with: mvn -pl adapter-lambda -am -DskipTests package");
    }

    /** Returns the SAM template at the repository root. */
    static Path samTemplate() {
        return existing("sam.template", "../template.yaml", "it belongs at the repository root");
    }

    /** Returns the jars of AWS's runtime interface client and its dependencies. */
    static List<Path> runtimeClasspath() {
        return jars(existing("runtime.classpath.directory", "target/lambda-runtime",
                "mvn process-test-resources copies them there"));
    }

    /** Returns the jars that the hello-world function packages in its lib/ folder. */
    static List<Path> helloWorldLibraries() {
        return jars(existing("hello.world.lib.directory", "target/hello-world-lib",
                "mvn process-test-resources copies them there"));
    }

    /** Returns a folder under target/ for files that one test or benchmark run writes. */
    static Path workDirectory(String name) {
        Path directory = Path.of(System.getProperty("benchmark.directory", "target")).resolve(name);
        try {
            return Files.createDirectories(directory);
        } catch (IOException failure) {
            throw new UncheckedIOException("could not create " + directory, failure);
        }
    }

    private static Path existing(String property, String defaultPath, String hint) {
        Path path = Path.of(System.getProperty(property, defaultPath)).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " is missing (system property " + property + "); " + hint);
        }
        return path;
    }

    private static List<Path> jars(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> jars = files.filter(file -> file.toString().endsWith(".jar")).sorted().toList();
            if (jars.isEmpty()) {
                throw new IllegalStateException(directory + " has no jar; run mvn process-test-resources");
            }
            return jars;
        } catch (IOException failure) {
            throw new UncheckedIOException("could not list " + directory, failure);
        }
    }
}
