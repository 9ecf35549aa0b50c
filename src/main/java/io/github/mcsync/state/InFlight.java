package io.github.mcsync.state;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Marks a submission as in flight before it is sent. A key still marked when it comes round again had an
 * unknown outcome (time-out, crash): ask CourseSales with FindDocuments before sending it again — but only once the
 * outcome can be known: after CourseSales answered (a fault or HTTP error that may have stored the document), or
 * once the mark is older than the receive time-out plus {@code coursesales.unknown-outcome-grace} (CourseSales may
 * still be storing a submission it has not answered).
 */
public final class InFlight {
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration settleAfter;

    /** Marks that can be looked up as soon as they come round again (tests of pure rules). */
    public InFlight(DataSource ds, Clock clock) {
        this(ds, clock, Duration.ZERO);
    }

    /**
     * @param settleAfter how long after it was sent an unanswered submission may still be stored by CourseSales: the
     *                    receive time-out plus coursesales.unknown-outcome-grace
     */
    public InFlight(DataSource ds, Clock clock, Duration settleAfter) {
        this.jdbc = new JdbcTemplate(ds);
        this.clock = clock;
        this.settleAfter = settleAfter;
    }

    /** What {@link #begin} found. */
    public enum Mark {
        /** The key was neither done nor in flight: it is marked now, with this moment as its sending time. */
        NEW,
        /** The key was already in flight: a previous outcome is unknown. */
        IN_FLIGHT,
        /** The key is done (someone recorded it since its page was read): nothing is marked, nothing may be sent. */
        DONE
    }

    /**
     * Marks the key unless it is done, in one statement, so a poll and a replay of the same key cannot both think
     * they are first, and a key recorded as done after its page was read is never sent again.
     */
    public Mark begin(String sourceReference) {
        try {
            int marked = jdbc.update("INSERT INTO in_flight (source_reference, started_at)"
                            + " SELECT CAST(? AS VARCHAR(100)), CAST(? AS TIMESTAMP) FROM (SELECT 1 AS one) single_row"
                            + " WHERE NOT EXISTS (SELECT 1 FROM CAMEL_MESSAGEPROCESSED WHERE processorName = ? AND messageId = ?)",
                    sourceReference, Timestamp.from(clock.instant()), Deliveries.PROCESSOR_NAME, sourceReference);
            return marked == 1 ? Mark.NEW : Mark.DONE;
        } catch (DuplicateKeyException alreadyMarked) {
            return Mark.IN_FLIGHT;
        }
    }

    /** The submission goes out now (again): its outcome is unknown from now on, until CourseSales answers. */
    public void sending(String sourceReference) {
        jdbc.update("UPDATE in_flight SET started_at = ?, answered_at = NULL WHERE source_reference = ?",
                Timestamp.from(clock.instant()), sourceReference);
    }

    /**
     * CourseSales answered the submission without saying whether it stored it (INTERNAL_ERROR, an HTTP 5xx, a SOAP
     * Server fault): it is done with it, so FindDocuments can tell at once.
     */
    public void answered(String sourceReference) {
        jdbc.update("UPDATE in_flight SET answered_at = ? WHERE source_reference = ? AND answered_at IS NULL",
                Timestamp.from(clock.instant()), sourceReference);
    }

    /**
     * True while the key's last submission got no answer and is younger than the receive time-out plus the grace:
     * neither FindDocuments nor a new submission may be tried for it yet.
     */
    public boolean pending(String sourceReference) {
        List<Timestamp> unanswered = jdbc.queryForList(
                "SELECT started_at FROM in_flight WHERE source_reference = ? AND answered_at IS NULL", Timestamp.class,
                sourceReference);
        return !unanswered.isEmpty() && unanswered.get(0).toInstant().plus(settleAfter).isAfter(clock.instant());
    }

    /** When a pending key's outcome can be looked up (null when it is not pending). */
    public Instant resolvableAt(String sourceReference) {
        List<Timestamp> unanswered = jdbc.queryForList(
                "SELECT started_at FROM in_flight WHERE source_reference = ? AND answered_at IS NULL", Timestamp.class,
                sourceReference);
        return unanswered.isEmpty() ? null : unanswered.get(0).toInstant().plus(settleAfter);
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
