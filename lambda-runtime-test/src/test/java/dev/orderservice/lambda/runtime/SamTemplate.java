package dev.orderservice.lambda.runtime;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A SAM template read as plain YAML maps and lists. The template writes intrinsic functions in their long
 * form ({@code Ref:}, {@code Fn::GetAtt:}), so no custom tag is needed to read it; a short form such as
 * {@code !Ref} fails to load here, on purpose.
 */
final class SamTemplate {

    private final Map<String, Object> root;

    private SamTemplate(Map<String, Object> root) {
        this.root = root;
    }

    static SamTemplate load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            return new SamTemplate(asMap(document, file.toString()));
        } catch (IOException failure) {
            throw new UncheckedIOException("could not read " + file, failure);
        }
    }

    Object get(String... path) {
        Object node = root;
        StringBuilder walked = new StringBuilder();
        for (String key : path) {
            walked.append('/').append(key);
            node = asMap(node, walked.toString()).get(key);
            if (node == null) {
                throw new IllegalArgumentException("the template has no " + walked);
            }
        }
        return node;
    }

    Map<String, Object> map(String... path) {
        return asMap(get(path), String.join("/", path));
    }

    String string(String... path) {
        Object value = get(path);
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException(String.join("/", path) + " is not a string but " + value);
        }
        return text;
    }

    Map<String, Object> resources() {
        return map("Resources");
    }

    /** Returns the resources of one type, such as {@code AWS::Serverless::Function}, by logical id. */
    Map<String, Map<String, Object>> resourcesOfType(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        resources().forEach((id, resource) -> {
            Map<String, Object> definition = asMap(resource, "Resources/" + id);
            if (type.equals(definition.get("Type"))) {
                found.put(id, definition);
            }
        });
        return found;
    }

    /** Returns a property of a function, or the same property from the template's Globals when it has none. */
    Object functionProperty(String functionId, String property) {
        Map<String, Object> properties = map("Resources", functionId, "Properties");
        if (properties.containsKey(property)) {
            return properties.get(property);
        }
        return map("Globals", "Function").get(property);
    }

    /**
     * Returns a function's environment variables: those of the Globals, with the function's own on top, as SAM
     * merges them. Values are strings, or maps for intrinsic functions such as {@code {Ref: OrdersTable}}.
     */
    Map<String, Object> environment(String functionId) {
        Map<String, Object> variables = new LinkedHashMap<>();
        Map<String, Object> globals = map("Globals", "Function");
        if (globals.containsKey("Environment")) {
            variables.putAll(asMap(asMap(globals.get("Environment"), "Globals Environment").get("Variables"),
                    "Globals Environment Variables"));
        }
        Map<String, Object> properties = map("Resources", functionId, "Properties");
        if (properties.containsKey("Environment")) {
            variables.putAll(asMap(asMap(properties.get("Environment"), functionId + " Environment")
                    .get("Variables"), functionId + " Environment Variables"));
        }
        return variables;
    }

    /**
     * Returns a function's environment as Lambda would set it: every {@code Ref} to a parameter becomes the
     * value in {@code references}, or else the parameter's default; every {@code Ref} to a resource must be in
     * {@code references}, such as the name of a test's own table.
     *
     * @throws IllegalArgumentException for an intrinsic function other than {@code Ref}, or a reference
     *     without a value
     */
    Map<String, String> resolvedEnvironment(String functionId, Map<String, String> references) {
        Map<String, String> resolved = new LinkedHashMap<>();
        environment(functionId).forEach((name, value) -> resolved.put(name, resolve(name, value, references)));
        return resolved;
    }

    private String resolve(String variable, Object value, Map<String, String> references) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        Map<String, Object> function = asMap(value, "the value of " + variable);
        if (function.size() != 1 || !(function.get("Ref") instanceof String name)) {
            throw new IllegalArgumentException(variable + " is set by " + function + "; only Ref is resolved here");
        }
        if (references.containsKey(name)) {
            return references.get(name);
        }
        Object parameter = map("Parameters").get(name);
        if (parameter != null && asMap(parameter, "Parameters/" + name).containsKey("Default")) {
            return asMap(parameter, "Parameters/" + name).get("Default").toString();
        }
        throw new IllegalArgumentException(variable + " refers to " + name + ", which has no default; pass a"
                + " value for it");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object node, String where) {
        if (!(node instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(where + " is not a mapping but " + node);
        }
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object node, String where) {
        if (!(node instanceof List<?>)) {
            throw new IllegalArgumentException(where + " is not a list but " + node);
        }
        return (List<Object>) node;
    }
}
