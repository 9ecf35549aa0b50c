package io.github.mcsync.state;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Per-source state: whether the first-start baseline was taken (moodle.start), site-wide (table source_state) and per
 * course and role (table course_baseline).
 */
public final class SourceState {
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public SourceState(DataSource ds, Clock clock) {
        this.jdbc = new JdbcTemplate(ds);
        this.clock = clock;
    }

    /** The site-wide baseline of a source (taken by versions before the per-course baseline, or by the DB source). */
    public boolean baselineTaken(String source) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM source_state WHERE source = ? AND baseline_at IS NOT NULL",
                Integer.class, source);
        return n != null && n > 0;
    }

    public void markBaseline(String source, int count) {
        jdbc.update("DELETE FROM source_state WHERE source = ?", source);
        jdbc.update("INSERT INTO source_state (source, baseline_at, baseline_count) VALUES (?, ?, ?)",
                source, Timestamp.from(clock.instant()), count);
    }

    /** The roles whose baseline this course has. */
    public Set<String> baselinedRoles(String source, long courseId) {
        return new HashSet<>(jdbc.queryForList("SELECT role_name FROM course_baseline WHERE source = ? AND course_id = ?",
                String.class, source, courseId));
    }

    /** Records that the course's baseline covers these roles ({@code count}: enrolments recorded as known). */
    public void markCourseBaseline(String source, long courseId, Collection<String> roles, int count) {
        Timestamp now = Timestamp.from(clock.instant());
        for (String role : roles) {
            jdbc.update("DELETE FROM course_baseline WHERE source = ? AND course_id = ? AND role_name = ?",
                    source, courseId, role);
            jdbc.update("INSERT INTO course_baseline (source, course_id, role_name, baseline_at, baseline_count)"
                    + " VALUES (?, ?, ?, ?, ?)", source, courseId, role, now, count);
        }
    }
}
