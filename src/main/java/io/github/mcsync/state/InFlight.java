package io.github.mcsync.state;

import java.sql.Timestamp;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Marks a submission as in flight before it is sent. A key still marked when it comes round again had an
 * unknown outcome (time-out, crash): ask CourseSales with FindDocuments before sending it again.
 */
public final class InFlight {
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public InFlight(DataSource ds, Clock clock) {
        this.jdbc = new JdbcTemplate(ds);
        this.clock = clock;
    }

    /** Marks the key; returns true when it was already in flight (a previous outcome is unknown). */
    public boolean begin(String sourceReference) {
        try { // one insert, so a poll and a replay of the same key cannot both think they are first
            jdbc.update("INSERT INTO in_flight (source_reference, started_at) VALUES (?, ?)",
                    sourceReference, Timestamp.from(clock.instant()));
            return false;
        } catch (DuplicateKeyException alreadyMarked) {
            return true;
        }
    }

    public boolean isInFlight(String sourceReference) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM in_flight WHERE source_reference = ?", Integer.class,
                sourceReference);
        return n != null && n > 0;
    }

    /** The submission certainly did not create a document (CourseSales refused it): nothing is in flight. */
    public void clear(String sourceReference) {
        jdbc.update("DELETE FROM in_flight WHERE source_reference = ?", sourceReference);
    }

    public int count() {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM in_flight", Integer.class);
        return n == null ? 0 : n;
    }
}
