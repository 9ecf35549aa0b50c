package io.github.mcsync.deadletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mcsync.Secrets;
import io.github.mcsync.enrolment.Enrolment;
import io.github.mcsync.state.KeyLookup;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The persistent dead-letter store (table {@code dead_letter}). A record that fails again while it has an
 * open row (NEW or REPLAY_REQUESTED) updates that row (attempts, last failure) instead of adding another.
 * The payload is the enrolment exactly as Moodle gave it (it is built from Moodle data only and holds no secret):
 * it is never masked, since masking a secret's text inside it would corrupt what a replay sends (a password
 * {@code moodle2} would turn {@code x@moodle2.edu} into {@code x@****.edu}). The reason text is ours, and is masked.
 */
public final class DeadLetterStore {
    private static final String COLUMNS = "id, source_reference, stage, reason_code, reason_text, payload, attempts,"
            + " first_failure_at, last_failure_at, status, replay_count, resolved_document_id";

    static final int MAX_REASON = 4000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final Clock clock;
    private final DeadLetterHistory history;

    public DeadLetterStore(DataSource ds, ObjectMapper json, Clock clock) {
        this.jdbc = new JdbcTemplate(ds);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        this.json = json;
        this.clock = clock;
        this.history = new DeadLetterHistory(jdbc);
    }

    /** What happened to each dead letter (written with every change of a row below). */
    public DeadLetterHistory history() {
        return history;
    }

    public long write(Enrolment enrolment, String stage, String code, String text) {
        String payload = toJson(enrolment); // unaltered: stored data, never masked
        String reason = clip(Secrets.redact(text));
        Timestamp now = Timestamp.from(clock.instant());
        return tx.execute(s -> {
            Optional<Long> open = openId(enrolment.sourceReference());
            if (open.isPresent()) {
                jdbc.update("UPDATE dead_letter SET stage = ?, reason_code = ?, reason_text = ?, payload = ?,"
                                + " attempts = attempts + 1, last_failure_at = ?, status = ? WHERE id = ?",
                        stage, code, reason, payload, now, DeadLetter.NEW, open.get());
                history.add(open.get(), now, DeadLetterHistory.FAILED, code, reason);
                return open.get();
            }
            jdbc.update("INSERT INTO dead_letter (source_reference, stage, reason_code, reason_text, payload, attempts,"
                            + " first_failure_at, last_failure_at, status, replay_count) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, 0)",
                    enrolment.sourceReference(), stage, code, reason, payload, now, now, DeadLetter.NEW);
            long id = openId(enrolment.sourceReference()).orElseThrow();
            history.add(id, now, DeadLetterHistory.FAILED, code, reason);
            return id;
        });
    }

    /** True when the key waits in the store (NEW or REPLAY_REQUESTED): polls leave it to replay. */
    public boolean isParked(String sourceReference) {
        return openId(sourceReference).isPresent();
    }

    /** Which of these keys wait in the store (NEW or REPLAY_REQUESTED), in one query per 500 keys. */
    public Set<String> parkedAmong(Collection<String> sourceReferences) {
        return KeyLookup.present(jdbc, "SELECT source_reference FROM dead_letter WHERE status IN (?, ?) AND source_reference IN",
                List.of(DeadLetter.NEW, DeadLetter.REPLAY_REQUESTED), sourceReferences);
    }

    /** The key's open dead letter (NEW or REPLAY_REQUESTED), if it waits in the store. */
    public Optional<DeadLetter> open(String sourceReference) {
        return openId(sourceReference).flatMap(this::find);
    }

    public Optional<DeadLetter> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM dead_letter WHERE id = ?", this::row, id).stream().findFirst();
    }

    public List<DeadLetter> list(String status, String reasonCode, int offset, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM dead_letter WHERE (CAST(? AS VARCHAR(20)) IS NULL OR status = ?)"
                        + " AND (CAST(? AS VARCHAR(60)) IS NULL OR reason_code = ?) ORDER BY id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                this::row, status, status, reasonCode, reasonCode, offset, limit);
    }

    public int count(String status) {
        return count(status, null);
    }

    /** Rows with this status and reason code (null: any), for paging through {@link #list}. */
    public int count(String status, String reasonCode) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter WHERE (CAST(? AS VARCHAR(20)) IS NULL OR status = ?)"
                        + " AND (CAST(? AS VARCHAR(60)) IS NULL OR reason_code = ?)",
                Integer.class, status, status, reasonCode, reasonCode);
        return n == null ? 0 : n;
    }

    /** Ids of the NEW rows (waiting for replay) with this reason code, oldest first, at most {@code limit}. */
    public List<Long> newIds(String reasonCode, int limit) {
        return jdbc.query("SELECT id FROM dead_letter WHERE reason_code = ? AND status = ? ORDER BY id"
                        + " FETCH FIRST ? ROWS ONLY", (rs, i) -> rs.getLong(1), reasonCode, DeadLetter.NEW, limit);
    }

    /** Marks a NEW row REPLAY_REQUESTED (and when); false when it is not NEW (being replayed, replayed or discarded). */
    public boolean requestReplay(long id) {
        boolean requested = jdbc.update("UPDATE dead_letter SET status = ?, replay_requested_at = ? WHERE id = ?"
                        + " AND status = ?", DeadLetter.REPLAY_REQUESTED, now(), id, DeadLetter.NEW) == 1;
        if (requested) {
            history.add(id, now(), DeadLetterHistory.REPLAY_REQUESTED, null, null);
        }
        return requested;
    }

    /** A replay that ended without an outcome (the feed halted): the row waits again as NEW. */
    public void reopen(long id) {
        reopen(id, "the replay ended without an outcome: the feed was halted or paused");
    }

    /** A replay that ended without sending: the row waits again as NEW, its history says why (masked). */
    public void reopen(long id, String why) {
        if (jdbc.update("UPDATE dead_letter SET status = ? WHERE id = ? AND status = ?",
                DeadLetter.NEW, id, DeadLetter.REPLAY_REQUESTED) == 1) {
            history.add(id, now(), DeadLetterHistory.REOPENED, null, clip(Secrets.redact(why)));
        }
    }

    /** At start: rows left REPLAY_REQUESTED by a replay that a stop cut off wait again as NEW. */
    public int reopenInterruptedReplays() {
        return tx.execute(s -> {
            history.addWhere(now(), DeadLetterHistory.REOPENED, "the replay was cut off by a stop", "status = ?",
                    DeadLetter.REPLAY_REQUESTED);
            return jdbc.update("UPDATE dead_letter SET status = ? WHERE status = ?", DeadLetter.NEW,
                    DeadLetter.REPLAY_REQUESTED);
        });
    }

    /**
     * While the service runs: rows REPLAY_REQUESTED for longer than {@code olderThan} (their replay was cut off by a
     * crash, of this instance or of another one sharing the database) wait again as NEW. A replay holds its row for
     * one record's time only, so a row older than that has no replay any more.
     */
    public int reopenStaleReplays(Duration olderThan) {
        Timestamp before = Timestamp.from(clock.instant().minus(olderThan));
        return tx.execute(s -> {
            String where = "status = ? AND (replay_requested_at IS NULL OR replay_requested_at < ?)";
            history.addWhere(now(), DeadLetterHistory.REOPENED, "the replay was cut off (a crash?): REPLAY_REQUESTED"
                    + " for longer than replay.reopen-after (" + olderThan + ")", where, DeadLetter.REPLAY_REQUESTED, before);
            return jdbc.update("UPDATE dead_letter SET status = ? WHERE " + where, DeadLetter.NEW,
                    DeadLetter.REPLAY_REQUESTED, before);
        });
    }

    /** Marks a NEW row DISCARDED; false when it is not NEW. */
    public boolean discard(long id) {
        boolean discarded = jdbc.update("UPDATE dead_letter SET status = ? WHERE id = ? AND status = ?",
                DeadLetter.DISCARDED, id, DeadLetter.NEW) == 1;
        if (discarded) {
            history.add(id, now(), DeadLetterHistory.DISCARDED, null, "recorded as done, never sent");
        }
        return discarded;
    }

    public Enrolment payload(DeadLetter d) {
        try {
            return json.readValue(d.payload(), Enrolment.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dead letter " + d.id() + " has an unreadable payload", e);
        }
    }

    public void markReplayed(String sourceReference, String documentExternalId) {
        history.addWhere(now(), DeadLetterHistory.REPLAYED, documentExternalId == null ? null
                        : "CourseSales document " + documentExternalId, "source_reference = ? AND status IN (?, ?)",
                sourceReference, DeadLetter.NEW, DeadLetter.REPLAY_REQUESTED);
        jdbc.update("UPDATE dead_letter SET status = ?, replay_count = replay_count + 1, resolved_document_id = ?"
                        + " WHERE source_reference = ? AND status IN (?, ?)",
                DeadLetter.REPLAYED, documentExternalId, sourceReference, DeadLetter.NEW, DeadLetter.REPLAY_REQUESTED);
    }

    public boolean setStatus(long id, String status) {
        return jdbc.update("UPDATE dead_letter SET status = ? WHERE id = ?", status, id) == 1;
    }

    /** Rows per reason code and status: {FIELD_INACTIVE: {NEW: 2, REPLAYED: 1}, ...}, reason codes in order. */
    public Map<String, Map<String, Integer>> countsByReason() {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        jdbc.query("SELECT reason_code, status, COUNT(*) FROM dead_letter GROUP BY reason_code, status",
                rs -> {
                    counts.computeIfAbsent(rs.getString(1), r -> new TreeMap<>()).put(rs.getString(2), rs.getInt(3));
                });
        return counts;
    }

    private static String clip(String text) {
        return text == null || text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON - 1) + "…";
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private Optional<Long> openId(String sourceReference) {
        return jdbc.query("SELECT id FROM dead_letter WHERE source_reference = ? AND status IN (?, ?)",
                (rs, i) -> rs.getLong(1), sourceReference, DeadLetter.NEW, DeadLetter.REPLAY_REQUESTED).stream().findFirst();
    }

    private String toJson(Enrolment e) {
        try {
            return json.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot serialise enrolment " + e.sourceReference(), ex);
        }
    }

    private DeadLetter row(ResultSet rs, int i) throws SQLException {
        return new DeadLetter(rs.getLong("id"), rs.getString("source_reference"), rs.getString("stage"),
                rs.getString("reason_code"), rs.getString("reason_text"), rs.getString("payload"), rs.getInt("attempts"),
                rs.getTimestamp("first_failure_at").toInstant(), rs.getTimestamp("last_failure_at").toInstant(),
                rs.getString("status"), rs.getInt("replay_count"), rs.getString("resolved_document_id"));
    }
}
