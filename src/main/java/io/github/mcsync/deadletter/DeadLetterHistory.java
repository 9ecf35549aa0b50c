package io.github.mcsync.deadletter;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What happened to each dead letter (table {@code dead_letter_event}), written by {@link DeadLetterStore} in the
 * statement or transaction that changes the row: every failure with its reason, replay requests, deliveries by a
 * replay or a later poll, replays that ended without an outcome, discards. Texts arrive redacted, as in the row.
 */
public final class DeadLetterHistory {
    public static final String FAILED = "FAILED";
    public static final String REPLAY_REQUESTED = "REPLAY_REQUESTED";
    public static final String REPLAYED = "REPLAYED";
    public static final String REOPENED = "REOPENED";
    public static final String DISCARDED = "DISCARDED";

    private static final String INSERT = "INSERT INTO dead_letter_event (dead_letter_id, happened_at, event, reason_code,"
            + " detail) VALUES (?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;

    DeadLetterHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One event of a dead letter's history; {@code reasonCode} for failures, {@code detail} a sentence or a document. */
    public record Event(Instant at, String event, String reasonCode, String detail) {
    }

    public List<Event> of(long deadLetterId) {
        return jdbc.query("SELECT happened_at, event, reason_code, detail FROM dead_letter_event WHERE dead_letter_id = ?"
                        + " ORDER BY id",
                (rs, i) -> new Event(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4)),
                deadLetterId);
    }

    void add(long deadLetterId, Timestamp at, String event, String reasonCode, String detail) {
        jdbc.update(INSERT, deadLetterId, at, event, reasonCode, detail);
    }

    /** The same event for every row that {@code where} (with its arguments) selects from dead_letter, before it changes. */
    void addWhere(Timestamp at, String event, String detail, String where, Object... args) {
        Object[] all = new Object[args.length + 3];
        all[0] = at;
        all[1] = event;
        all[2] = detail;
        System.arraycopy(args, 0, all, 3, args.length);
        jdbc.update("INSERT INTO dead_letter_event (dead_letter_id, happened_at, event, reason_code, detail)"
                + " SELECT id, CAST(? AS TIMESTAMP), CAST(? AS VARCHAR(20)), CAST(NULL AS VARCHAR(60)), CAST(? AS VARCHAR(4000))"
                + " FROM dead_letter WHERE " + where, all);
    }
}
