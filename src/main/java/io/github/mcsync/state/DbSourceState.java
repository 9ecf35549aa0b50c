package io.github.mcsync.state;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database source's state in our own database: the high-water mark on Moodle's user_enrolments.id and the pending
 * rows (seen, not active yet). The mark and the pending set change together, in one transaction.
 */
public final class DbSourceState {
    private static final String SOURCE = "db";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public DbSourceState(DataSource ds, Clock clock) {
        this.jdbc = new JdbcTemplate(ds);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        this.clock = clock;
    }

    /** The high-water mark; empty before the first start took it. */
    public Optional<Long> mark() {
        return jdbc.queryForList("SELECT high_water FROM db_source_mark WHERE source = ?", Long.class, SOURCE)
                .stream().findFirst();
    }

    /** Registrations recorded under the REST source's keys (moodle:c<course>:u<user>) in this state database. */
    public int restSourceKeys() {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM delivery WHERE key_scheme = 'course-user'", Integer.class);
        return n == null ? 0 : n;
    }

    /** The pending user_enrolments ids, in id order. */
    public List<Long> pending() {
        return jdbc.queryForList("SELECT enrolment_id FROM db_source_pending ORDER BY enrolment_id", Long.class);
    }

    /**
     * Records a settled batch: the new mark, the rows now pending, the rows no longer pending.
     *
     * @param started moodle.start, recorded with the first mark
     */
    public void settle(long mark, String started, Map<Long, String> addPending, Collection<Long> dropPending) {
        Timestamp now = Timestamp.from(clock.instant());
        tx.executeWithoutResult(s -> {
            if (jdbc.update("UPDATE db_source_mark SET high_water = ?, updated_at = ? WHERE source = ?", mark, now, SOURCE) == 0) {
                jdbc.update("INSERT INTO db_source_mark (source, high_water, started, updated_at) VALUES (?, ?, ?, ?)",
                        SOURCE, mark, started, now);
            }
            for (Long id : dropPending) {
                jdbc.update("DELETE FROM db_source_pending WHERE enrolment_id = ?", id);
            }
            addPending.forEach((id, reason) -> {
                jdbc.update("DELETE FROM db_source_pending WHERE enrolment_id = ?", id);
                jdbc.update("INSERT INTO db_source_pending (enrolment_id, reason, first_seen_at) VALUES (?, ?, ?)",
                        id, reason, now);
            });
        });
    }
}
