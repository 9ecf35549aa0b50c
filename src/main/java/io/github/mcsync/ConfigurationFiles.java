package io.github.mcsync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Properties files on disk read over the jar's application.properties: the way Camel K hands an integration its
 * configuration. Its mount trait puts ConfigMaps and Secrets under {@code /etc/camel/conf.d/_configmaps/NAME/} and
 * {@code /etc/camel/conf.d/_secrets/NAME/} (one file per key) and names the folder in {@code CAMEL_K_CONF_D}, and the
 * operator's own properties in the file {@code CAMEL_K_CONF}; Camel Main 4.18 reads none of them by itself.
 * <p>
 * Read, in this order (a later file wins over an earlier one; -D system properties and environment variables still win
 * over all files): {@code CAMEL_K_CONF} when it names a file, then every {@code *.properties} file under the folder
 * named by {@code -Dsync.conf-d} / {@code SYNC_CONF_D}, else {@code CAMEL_K_CONF_D}, else {@code /etc/camel/conf.d}
 * when it exists, in path order (so {@code _configmaps} before {@code _secrets}), at any depth.
 */
public final class ConfigurationFiles {
    /** Camel K's mount folder, read when it exists and nothing names another. */
    public static final Path CAMEL_K_DEFAULT = Path.of("/etc/camel/conf.d");

    private final Path file;
    private final Path directory;

    public ConfigurationFiles(Path file, Path directory) {
        this.file = file;
        this.directory = directory;
    }

    /** No files: the jar's application.properties only (plus -D and environment variables). */
    public static ConfigurationFiles none() {
        return new ConfigurationFiles(null, null);
    }

    /** The files the environment names: see the class comment. */
    public static ConfigurationFiles fromEnvironment() {
        return from(System.getProperty("sync.conf-d"), System.getenv());
    }

    static ConfigurationFiles from(String syncConfD, Map<String, String> env) {
        String file = env.get("CAMEL_K_CONF");
        String dir = syncConfD != null ? syncConfD : env.get("SYNC_CONF_D");
        if (dir == null || dir.isBlank()) {
            dir = env.get("CAMEL_K_CONF_D");
        }
        Path directory = dir != null && !dir.isBlank() ? Path.of(dir)
                : Files.isDirectory(CAMEL_K_DEFAULT) ? CAMEL_K_DEFAULT : null;
        return new ConfigurationFiles(file != null && !file.isBlank() ? Path.of(file) : null, directory);
    }

    /** The files to read, in order; a named folder that does not exist is a configuration mistake. */
    public List<Path> files() {
        List<Path> files = new ArrayList<>();
        if (file != null && Files.isRegularFile(file)) {
            files.add(file.toAbsolutePath());
        }
        if (directory != null) {
            if (!Files.isDirectory(directory)) {
                throw new IllegalStateException("Configuration folder " + directory
                        + " does not exist (named by sync.conf-d, SYNC_CONF_D or CAMEL_K_CONF_D)");
            }
            // Kubernetes mounts a ConfigMap's keys as links into a hidden ..data folder: follow them, skip the
            // hidden copies so each key is read once
            try (Stream<Path> walk = Files.walk(directory, FileVisitOption.FOLLOW_LINKS)) {
                walk.filter(p -> p.getFileName().toString().endsWith(".properties"))
                        .filter(p -> !hidden(directory.relativize(p)))
                        .filter(Files::isRegularFile)
                        .map(Path::toAbsolutePath).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read configuration folder " + directory, e);
            }
        }
        return files;
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Camel Main's property locations, {@code null} when there are no files (Camel Main's default applies unchanged).
     * Camel's properties component takes a key from the first location that has it: so the files come last-read
     * first, and the jar's application.properties (Camel Main's default location) last.
     */
    public String propertyLocations() {
        List<Path> files = new ArrayList<>(files());
        if (files.isEmpty()) {
            return null;
        }
        java.util.Collections.reverse(files);
        StringBuilder locations = new StringBuilder();
        files.forEach(f -> locations.append("file:").append(f).append(','));
        return locations.append("classpath:application.properties;optional=true").toString();
    }
}
