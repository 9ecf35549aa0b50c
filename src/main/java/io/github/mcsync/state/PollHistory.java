package io.github.mcsync.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mcsync.Secrets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The polls that finished (table {@code poll_run}), kept in the state database so that every instance and every
 * restart shows the same run history; only the newest {@code keep} are kept. Reasons are stored redacted.
 */
public final class PollHistory {
    private static final TypeReference<List<CourseFigures>> COURSES = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final int keep;

    public PollHistory(DataSource ds, ObjectMapper json, Clock clock, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("ops.poll-history must be at least 1, not " + keep);
        }
        this.jdbc = new JdbcTemplate(ds);
        this.json = json;
        this.clock = clock;
        this.keep = keep;
    }

    /**
     * One finished poll.
     *
     * @param number     the poll's number since its process started
     * @param finishedAt when it ended (null on the way in: {@link #record} stamps it)
     * @param outcome    OK, DEAD_LETTERS, HALTED or FAILED
     * @param fresh      new enrolments (not done, not waiting in dead letters)
     * @param waiting    enrolments skipped because they wait in the dead-letter store
     * @param baseline   existing enrolments recorded as known (moodle.start=now), null when no baseline was taken
     * @param courses    per-course figures where the poll has them (empty otherwise)
     */
    public record Poll(int number, Instant startedAt, Instant finishedAt, String outcome, int found, int fresh, int sent,
                       int deadLettered, int waiting, Integer baseline, String failure, String halted, String summary,
                       List<CourseFigures> courses) {
        public long durationMillis() {
            return finishedAt == null ? 0 : finishedAt.toEpochMilli() - startedAt.toEpochMilli();
        }
    }

    /** One course's figures in one poll; {@code failure} when its read failed. */
    public record CourseFigures(long courseId, String shortname, int fresh, int sent, int deadLettered, String failure) {
    }

    /** Stores a poll that just finished (stamped now) and forgets the oldest beyond {@code keep}. */
    public void record(Poll p) {
        jdbc.update("INSERT INTO poll_run (poll_number, started_at, finished_at, outcome, found, fresh, sent, dead_lettered,"
                        + " waiting, baseline, failure, halted, summary, courses) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                p.number(), Timestamp.from(p.startedAt()), Timestamp.from(clock.instant()), p.outcome(), p.found(),
                p.fresh(), p.sent(), p.deadLettered(), p.waiting(), p.baseline(), Secrets.redact(p.failure()),
                Secrets.redact(p.halted()), Secrets.redact(p.summary()),
                p.courses().isEmpty() ? null : Secrets.redact(toJson(p.courses())));
        jdbc.update("DELETE FROM poll_run WHERE id <= (SELECT MAX(id) FROM poll_run) - ?", keep);
    }

    /** The newest polls first, at most {@code limit}. */
    public List<Poll> latest(int limit) {
        return jdbc.query("SELECT * FROM poll_run ORDER BY id DESC FETCH FIRST ? ROWS ONLY", this::row, limit);
    }

    public int keep() {
        return keep;
    }

    private Poll row(ResultSet rs, int i) throws SQLException {
        int baseline = rs.getInt("baseline");
        Integer b = rs.wasNull() ? null : baseline;
        String courses = rs.getString("courses");
        return new Poll(rs.getInt("poll_number"), rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("finished_at").toInstant(), rs.getString("outcome"), rs.getInt("found"),
                rs.getInt("fresh"), rs.getInt("sent"), rs.getInt("dead_lettered"), rs.getInt("waiting"), b,
                rs.getString("failure"), rs.getString("halted"), rs.getString("summary"),
                courses == null ? List.of() : fromJson(courses));
    }

    private String toJson(List<CourseFigures> courses) {
        try {
            return json.writeValueAsString(courses);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a poll's course figures", e);
        }
    }

    private List<CourseFigures> fromJson(String courses) {
        try {
            return json.readValue(courses, COURSES);
        } catch (JsonProcessingException e) {
            return List.of(); // figures of an older layout: the poll's totals still show
        }
    }
}
