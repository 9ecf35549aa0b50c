package io.github.mcsync.moodle;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which courses a poll reads: the configured ids ({@code moodle.courses}), or every visible course except
 * the site course when none are configured.
 */
public final class CourseWatchList {
    private final List<Long> ids;
    private final Set<Long> configured;

    public CourseWatchList(List<Long> configured) {
        this.ids = List.copyOf(configured);
        this.configured = Set.copyOf(configured);
    }

    /** The configured course ids (moodle.courses); empty: every visible course. */
    public List<Long> configured() {
        return ids;
    }

    public List<MoodleCourse> select(List<MoodleCourse> courses) {
        return courses.stream()
                .filter(c -> !c.isSiteCourse())
                .filter(c -> configured.isEmpty() ? c.visible() == 1 : configured.contains(c.id()))
                .collect(Collectors.toList());
    }

    /** Parses {@code moodle.courses} ("2, 3,4" or empty). */
    public static List<Long> parse(String ids) {
        if (ids == null || ids.isBlank()) {
            return List.of();
        }
        return Arrays.stream(ids.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(Long::valueOf).collect(Collectors.toList());
    }
}
