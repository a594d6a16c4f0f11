package dev.orderservice.lambda.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A Lambda deployment package unpacked into a folder, laid out as Lambda unpacks it into /var/task: classes and
 * resources at the root, jars under lib/.
 */
final class LambdaPackage {

    private final Path root;

    private LambdaPackage(Path root) {
        this.root = root;
    }

    /** Unpacks {@code zip} into {@code target}, emptying the folder first. */
    static LambdaPackage unzip(Path zip, Path target) {
        deleteRecursively(target);
        try (ZipInputStream entries = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path destination = target.resolve(entry.getName()).normalize();
                if (!destination.startsWith(target)) {
                    throw new IllegalStateException(zip + " has an entry outside its root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else {
                    Files.createDirectories(destination.getParent());
                    Files.copy(entries, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException failure) {
            throw new UncheckedIOException("could not unpack " + zip + " into " + target, failure);
        }
        return new LambdaPackage(target);
    }

    /**
     * Builds a package folder for a handler class of these tests: its class file at the root, as a build would
     * package it, and {@code libraries} under lib/.
     */
    static LambdaPackage assemble(Path target, Class<?> handlerClass, List<Path> libraries) {
        deleteRecursively(target);
        String classFile = handlerClass.getName().replace('.', '/') + ".class";
        try {
            Path classesRoot = Path.of(handlerClass.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path destination = target.resolve(classFile);
            Files.createDirectories(destination.getParent());
            Files.copy(classesRoot.resolve(classFile), destination);
            Path lib = Files.createDirectories(target.resolve("lib"));
            for (Path library : libraries) {
                Files.copy(library, lib.resolve(library.getFileName()));
            }
        } catch (IOException failure) {
            throw new UncheckedIOException("could not assemble a package in " + target, failure);
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException("the test classes have no file location", impossible);
        }
        return new LambdaPackage(target);
    }

    /** Returns whether lib/ contains a jar whose file name starts with {@code prefix}, such as {@code s3-}. */
    boolean hasLibrary(String prefix) {
        try (Stream<Path> jars = Files.list(root.resolve("lib"))) {
            return jars.anyMatch(jar -> jar.getFileName().toString().startsWith(prefix));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    Path root() {
        return root;
    }

    /** Returns the package's class path in Lambda's order: the root folder, then every jar of lib/. */
    List<Path> classpath() {
        List<Path> classpath = new ArrayList<>();
        classpath.add(root);
        Path lib = root.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> jars = Files.list(lib)) {
                jars.filter(jar -> jar.toString().endsWith(".jar")).sorted().forEach(classpath::add);
            } catch (IOException failure) {
                throw new UncheckedIOException("could not list " + lib, failure);
            }
        }
        return classpath;
    }

    /**
     * Opens a class loader over the package alone, with the JDK's platform classes as parent, so that no class
     * of the test's own class path can stand in for one the package lacks.
     */
    URLClassLoader openClassLoader() {
        List<URL> urls = new ArrayList<>();
        for (Path entry : classpath()) {
            try {
                urls.add(entry.toUri().toURL());
            } catch (MalformedURLException impossible) {
                throw new IllegalStateException("no URL for " + entry, impossible);
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    /** Returns whether a class file is at the package's root, as opposed to inside a jar of lib/. */
    boolean hasClassAtRoot(String className) {
        return Files.isRegularFile(root.resolve(className.replace('.', '/') + ".class"));
    }

    /** Returns the names of the jars under lib/. */
    List<String> libraryNames() {
        return classpath().stream().skip(1).map(jar -> jar.getFileName().toString()).toList();
    }

    private static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException failure) {
            throw new UncheckedIOException("could not delete " + folder, failure);
        }
    }
}
