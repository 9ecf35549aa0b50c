package io.github.mcsync;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Reads test resources (copies of the captured Moodle responses live in moodle-fixtures/), and copies the project's
 * routes/ for tests that run the application from a routes folder of their own (routes.location).
 */
public final class Fixtures {
    private Fixtures() {
    }

    public static byte[] bytes(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] moodle(String name) {
        return bytes("moodle-fixtures/" + name);
    }

    /** Copies every file of the project's routes/ into {@code folder}; answers the folder. */
    public static Path copyRoutes(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path f : files.toList()) {
                Files.copy(f, folder.resolve(f.getFileName()));
            }
        }
        return folder;
    }
}
