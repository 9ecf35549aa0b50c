package io.github.mcsync.state;

import io.github.mcsync.coursesales.soap.SubmitRegistrationResponse;
import io.github.mcsync.deadletter.DeadLetterStore;
import io.github.mcsync.enrolment.Enrolment;
import io.github.mcsync.enrolment.Registration;
import io.github.mcsync.enrolment.SourceReference;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records that a key is done, in one transaction: the delivery (with CourseSales' DocumentExternalId), the
 * key in Camel's idempotent repository table, and the end of its in-flight mark. So a crash at any point
 * either leaves the key in flight (resolved with FindDocuments) or done, never sent twice. An open dead
 * letter of the key is marked REPLAYED in the same transaction.
 */
public final class Deliveries {
    /** The idempotent repository's processor name: the key column's scope in CAMEL_MESSAGEPROCESSED. */
    public static final String PROCESSOR_NAME = "moodleToCourseSales";
    public static final String OUTCOME_DELIVERED = "DELIVERED";
    public static final String OUTCOME_FOUND = "FOUND";
    public static final String OUTCOME_BASELINE = "BASELINE";
    public static final String OUTCOME_DISCARDED = "DISCARDED";

    private static final String INSERT_DELIVERY = "INSERT INTO delivery (source_reference, key_scheme, outcome, document_id,"
            + " document_external_id, recorded_at, course_date_id, course_date_choice) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int[] DELIVERY_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.VARCHAR,
        Types.TIMESTAMP, Types.INTEGER, Types.VARCHAR};

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final String processorName;
    private final Clock clock;
    private final DeadLetterStore deadLetters;

    public Deliveries(DataSource ds, String processorName, Clock clock, DeadLetterStore deadLetters) {
        this.jdbc = new JdbcTemplate(ds);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        this.processorName = processorName;
        this.clock = clock;
        this.deadLetters = deadLetters;
    }

    /** @param r the registration sent (its course date and how it was chosen are recorded) */
    public void delivered(Enrolment e, Registration r, SubmitRegistrationResponse response) {
        record(e, r, OUTCOME_DELIVERED, response.getDocumentId(), response.getDocumentExternalId());
    }

    /**
     * A poll's delivery of a key that was neither done nor waiting in the dead-letter store when its page was read,
     * and that this instance marked in flight (so no one else recorded it since): the key, the delivery and the end
     * of the mark, in one transaction of three statements.
     */
    public void deliveredFresh(Enrolment e, Registration r, SubmitRegistrationResponse response) {
        tx.executeWithoutResult(s -> {
            jdbc.update("INSERT INTO CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt) VALUES (?, ?, ?)",
                    processorName, e.sourceReference(), now());
            insertDelivery(e, r, OUTCOME_DELIVERED, response.getDocumentId(), response.getDocumentExternalId());
            jdbc.update("DELETE FROM in_flight WHERE source_reference = ?", e.sourceReference());
        });
    }

    public void found(Enrolment e, Registration r, int documentId, String documentExternalId) {
        record(e, r, OUTCOME_FOUND, documentId, documentExternalId);
    }

    /** An operator discarded the record's dead letter: the key is done, so no poll sends it again. */
    public void discarded(Enrolment e) {
        record(e, null, OUTCOME_DISCARDED, null, null);
    }

    /** Records existing enrolments as known without sending them (moodle.start=now): two batches a page of 500. */
    public int baseline(Iterable<Enrolment> enrolments) {
        return tx.execute(s -> {
            int n = 0;
            for (Iterator<List<Enrolment>> pages = KeyLookup.chunks(enrolments.iterator()); pages.hasNext(); ) {
                List<Enrolment> page = pages.next();
                Set<String> done = doneAmong(page.stream().map(Enrolment::sourceReference).toList());
                Map<String, Enrolment> known = new LinkedHashMap<>();
                page.stream().filter(e -> !done.contains(e.sourceReference())).forEach(e -> known.putIfAbsent(e.sourceReference(), e));
                Timestamp now = now();
                jdbc.batchUpdate("INSERT INTO CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt) VALUES (?, ?, ?)",
                        known.keySet().stream().map(k -> new Object[] {processorName, k, now}).toList());
                jdbc.batchUpdate(INSERT_DELIVERY, known.values().stream().map(e -> new Object[] {e.sourceReference(),
                        SourceReference.schemeOf(e), OUTCOME_BASELINE, null, null, now, null, null}).toList(),
                        DELIVERY_TYPES);
                n += known.size();
            }
            return n;
        });
    }

    /** True when a key of this course (WS source scheme, {@code moodle:c<id>:u...}) is done. */
    public boolean anyOfCourse(long courseId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED WHERE processorName = ?"
                + " AND messageId LIKE ?", Integer.class, processorName, "moodle:c" + courseId + ":u%");
        return n != null && n > 0;
    }

    /** How a done key was recorded: DELIVERED, FOUND, BASELINE or DISCARDED, its document and when. */
    public record Recorded(String outcome, String documentExternalId, java.time.Instant recordedAt) {
    }

    public Optional<Recorded> recordOf(String sourceReference) {
        return jdbc.query("SELECT outcome, document_external_id, recorded_at FROM delivery WHERE source_reference = ?",
                (rs, i) -> new Recorded(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()),
                sourceReference).stream().findFirst();
    }

    public Optional<String> documentOf(String sourceReference) {
        return jdbc.query("SELECT document_external_id FROM delivery WHERE source_reference = ?",
                (rs, i) -> rs.getString(1), sourceReference).stream().findFirst();
    }

    static final String DONE_AMONG = "SELECT CASE WHEN processorName = ? THEN messageId END FROM CAMEL_MESSAGEPROCESSED"
            + " WHERE messageId IN";

    /** Which of these keys are done, in one query per {@link KeyLookup#CHUNK} keys. */
    public Set<String> doneAmong(Collection<String> sourceReferences) {
        // the key alone in the WHERE clause: H2 uses an IN list with an index only when the list's column leads the
        // index (V13's index on messageId; with "processorName = ? AND" it scanned every done key); the processor is
        // checked in the answer (another processor's key answers null)
        Set<String> done = KeyLookup.present(jdbc, DONE_AMONG, List.of(processorName), sourceReferences);
        done.remove(null);
        return done;
    }

    public boolean isDone(String sourceReference) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED WHERE processorName = ? AND messageId = ?",
                Integer.class, processorName, sourceReference);
        return n != null && n > 0;
    }

    private void record(Enrolment e, Registration r, String outcome, Integer documentId, String externalId) {
        tx.executeWithoutResult(s -> {
            insertKey(e);
            jdbc.update("DELETE FROM delivery WHERE source_reference = ?", e.sourceReference());
            insertDelivery(e, r, outcome, documentId, externalId);
            jdbc.update("DELETE FROM in_flight WHERE source_reference = ?", e.sourceReference());
            // a dead letter of this key is resolved in the same transaction (same DataSource: Spring joins it)
            deadLetters.markReplayed(e.sourceReference(), externalId);
        });
    }

    private boolean insertKey(Enrolment e) {
        if (isDone(e.sourceReference())) {
            return false;
        }
        jdbc.update("INSERT INTO CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt) VALUES (?, ?, ?)",
                processorName, e.sourceReference(), now());
        return true;
    }

    private void insertDelivery(Enrolment e, Registration r, String outcome, Integer documentId, String externalId) {
        jdbc.update(INSERT_DELIVERY, e.sourceReference(), SourceReference.schemeOf(e), outcome, documentId, externalId, now(),
                r == null ? null : r.courseDateId(), r == null ? null : r.courseDateChoice());
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
