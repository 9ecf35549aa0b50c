package io.github.mcsync.feed;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The two systems the feed talks to; each can halt the feed on its own (a halt per system). */
public enum ExternalSystem {
    MOODLE("moodle", "Moodle"),
    COURSESALES("coursesales", "CourseSales");

    private final String key;
    private final String label;

    ExternalSystem(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The name in the state database, the ops API ({@code ?system=}) and the command line. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static Optional<ExternalSystem> parse(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.key.equals(n)).findFirst();
    }
}
