package io.github.mcsync.demo.moodle;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Request parameters the way PHP (and so Moodle) sees them: form-encoded pairs whose names may carry
 * brackets, {@code options[0][name]=onlyactive&options[ids][1]=3&courseids[]=2}, decoded into a tree of
 * nested parameter sets that keep arrival order. The query string and a form body merge like PHP's
 * {@code array_merge($_GET, $_POST)}: a top-level name in the body replaces the one in the query.
 */
public final class RestParameters {

    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");
    private static final RestParameters EMPTY = new RestParameters(Map.of(), Map.of());

    /** Values are String or RestParameters; filled only while parsing, never exposed mutable. */
    private final Map<String, Object> tree;
    private final Map<String, String> flat;

    private RestParameters(Map<String, Object> tree, Map<String, String> flat) {
        this.tree = tree;
        this.flat = flat;
    }

    /** Parses {@code application/x-www-form-urlencoded} text (a query string or a form body); null = empty. */
    public static RestParameters parse(String form) {
        Map<String, Object> tree = new LinkedHashMap<>();
        Map<String, String> flat = new LinkedHashMap<>();
        if (form != null && !form.isEmpty()) {
            for (String pair : form.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                flat.put(name, value);
                put(tree, path(name), value);
            }
        }
        return new RestParameters(tree, flat);
    }

    /** This set with {@code later}'s top-level names replacing or adding to it (PHP array_merge). */
    public RestParameters mergedWith(RestParameters later) {
        Map<String, Object> tree = new LinkedHashMap<>(this.tree);
        tree.putAll(later.tree);
        Map<String, String> flat = new LinkedHashMap<>();
        this.flat.forEach((name, value) -> {
            if (!later.tree.containsKey(path(name).get(0))) {
                flat.put(name, value);
            }
        });
        flat.putAll(later.flat);
        return new RestParameters(tree, flat);
    }

    /** Top-level scalar value, or null when absent or nested. */
    public String value(String name) {
        return tree.get(name) instanceof String s ? s : null;
    }

    /** Nested set under {@code name} (e.g. {@code options}), empty when absent or scalar. */
    public RestParameters child(String name) {
        return tree.get(name) instanceof RestParameters p ? p : EMPTY;
    }

    /** The nested sets of a list of structures ({@code criteria[0][key]...}), in arrival order; scalars skipped. */
    public List<RestParameters> children() {
        return tree.values().stream().filter(RestParameters.class::isInstance).map(RestParameters.class::cast).toList();
    }

    /** The scalar values of an array ({@code ids[0]=2&ids[1]=3}), in arrival order; nested sets skipped. */
    public List<String> values() {
        return tree.values().stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }

    /** This set without the top-level names that match (e.g. the wstoken/wsfunction envelope). */
    public RestParameters without(Predicate<String> name) {
        Map<String, Object> tree = new LinkedHashMap<>(this.tree);
        tree.keySet().removeIf(name);
        Map<String, String> flat = new LinkedHashMap<>(this.flat);
        flat.keySet().removeIf(n -> name.test(path(n).get(0)));
        return new RestParameters(tree, flat);
    }

    /** Moodle's parameter validation: a name outside {@code allowed} is "Invalid parameter value detected". */
    RestParameters requireOnly(String... allowed) {
        if (!Set.of(allowed).containsAll(tree.keySet())) {
            throw MoodleError.invalidParameter();
        }
        return this;
    }

    /** A required PARAM_INT: missing or not an integer is "Invalid parameter value detected". */
    long requiredInt(String name) {
        String value = value(name);
        if (value == null || !INTEGER.matcher(value).matches()) {
            throw MoodleError.invalidParameter();
        }
        return Long.parseLong(value);
    }

    /**
     * A list of two-key structures, e.g. Moodle's {@code options[i][name|value]} or {@code criteria[i][key|value]},
     * as key to value (last one wins); any other shape is "Invalid parameter value detected".
     */
    Map<String, String> pairs(String keyName, String valueName) {
        Map<String, String> result = new LinkedHashMap<>();
        for (Object item : tree.values()) {
            if (!(item instanceof RestParameters p) || p.value(keyName) == null || p.value(valueName) == null) {
                throw MoodleError.invalidParameter();
            }
            p.requireOnly(keyName, valueName);
            result.put(p.value(keyName), p.value(valueName));
        }
        return result;
    }

    public Set<String> names() {
        return Collections.unmodifiableSet(tree.keySet());
    }

    public boolean isEmpty() {
        return tree.isEmpty();
    }

    /** Every pair as received (decoded names like {@code options[0][name]}), in arrival order. */
    public Map<String, String> asFlatMap() {
        return Collections.unmodifiableMap(flat);
    }

    @Override
    public String toString() {
        return tree.toString();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** "a[b][0]" -> [a, b, 0]; "a[]" -> [a, ""] (append); a name with unbalanced brackets stays whole. */
    private static List<String> path(String name) {
        int open = name.indexOf('[');
        if (open <= 0 || !name.endsWith("]")) {
            return List.of(name);
        }
        List<String> path = new ArrayList<>();
        path.add(name.substring(0, open));
        for (String segment : name.substring(open + 1, name.length() - 1).split("\\]\\[", -1)) {
            if (segment.contains("[") || segment.contains("]")) {
                return List.of(name);
            }
            path.add(segment);
        }
        return path;
    }

    private static void put(Map<String, Object> tree, List<String> path, String value) {
        Map<String, Object> node = tree;
        for (int i = 0; i < path.size() - 1; i++) {
            String key = key(node, path.get(i));
            if (!(node.get(key) instanceof RestParameters)) {
                node.put(key, new RestParameters(new LinkedHashMap<>(), Map.of()));
            }
            node = ((RestParameters) node.get(key)).tree;
        }
        node.put(key(node, path.get(path.size() - 1)), value);
    }

    private static String key(Map<String, Object> node, String segment) {
        return segment.isEmpty() ? String.valueOf(node.size()) : segment;
    }
}
