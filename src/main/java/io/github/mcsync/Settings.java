package io.github.mcsync;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Reads the configuration contract (application.properties, -Dkey=value, environment variables such as
 * MOODLE_URL for moodle.url). Secrets read through {@link #secret(String)} are registered for redaction.
 */
public final class Settings {
    private final PropertiesComponent properties;

    public Settings(CamelContext context) {
        this.properties = context.getPropertiesComponent();
    }

    public Optional<String> optional(String key) {
        return properties.resolveProperty(key).map(String::strip).filter(v -> !v.isEmpty());
    }

    public String get(String key) {
        return optional(key).orElseThrow(() -> new IllegalStateException(
                "Missing configuration " + key + " (set it in application.properties, as -D" + key
                        + "=... or as environment variable " + envName(key) + ")"));
    }

    public int getInt(String key) {
        String v = get(key);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Configuration " + key + " must be a whole number, was '" + v + "'");
        }
    }

    public Integer optionalInt(String key) {
        return optional(key).map(v -> {
            try {
                return Integer.valueOf(v);
            } catch (NumberFormatException e) {
                throw new IllegalStateException("Configuration " + key + " must be a whole number, was '" + v + "'");
            }
        }).orElse(null);
    }

    public Duration duration(String key) {
        String v = get(key);
        try {
            return Duration.parse(v.startsWith("P") ? v : "PT" + v.toUpperCase());
        } catch (RuntimeException e) {
            throw new IllegalStateException("Configuration " + key + " must be a duration such as 5m or 30s, was '" + v + "'");
        }
    }

    /** A true/false property; unset is false. */
    public boolean flag(String key) {
        return Boolean.parseBoolean(optional(key).orElse("false"));
    }

    public String secret(String key) {
        String v = get(key);
        Secrets.register(v);
        return v;
    }

    public Optional<String> optionalSecret(String key) {
        Optional<String> v = optional(key);
        v.ifPresent(Secrets::register);
        return v;
    }

    /**
     * Every set key that starts with {@code prefix} (e.g. {@code coursesales.fields.}) with its value, wherever it is
     * set: the properties files and overrides, {@code -D} system properties, and environment variables named after the
     * key ({@code COURSESALES_FIELDS_110} for {@code coursesales.fields.110}, the rest of the name lower-cased).
     * Each value is resolved as {@link #optional(String)} resolves it, so the usual precedence holds.
     */
    public Map<String, String> withPrefix(String prefix) {
        Set<String> keys = new TreeSet<>(properties.loadProperties(k -> k.startsWith(prefix)).stringPropertyNames());
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith(prefix)).forEach(keys::add);
        String envPrefix = envName(prefix);
        System.getenv().keySet().stream().filter(k -> k.startsWith(envPrefix) && k.length() > envPrefix.length())
                .forEach(k -> keys.add(prefix + k.substring(envPrefix.length()).toLowerCase()));
        Map<String, String> values = new LinkedHashMap<>();
        keys.forEach(k -> optional(k).ifPresent(v -> values.put(k, v)));
        return values;
    }

    static String envName(String key) {
        return key.toUpperCase().replace('.', '_').replace('-', '_');
    }
}
