package io.github.mcsync.state;

import java.sql.Timestamp;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Per-source state: whether the first-start baseline was taken (moodle.start). */
public final class SourceState {
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public SourceState(DataSource ds, Clock clock) {
        this.jdbc = new JdbcTemplate(ds);
        this.clock = clock;
    }

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
}
