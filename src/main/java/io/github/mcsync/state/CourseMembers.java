package io.github.mcsync.state;

import io.github.mcsync.enrolment.Membership;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Table course_member: each watched course's users as the REST source last read them (see {@link Membership}). */
public final class CourseMembers {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public CourseMembers(DataSource ds, Clock clock) {
        this.jdbc = new JdbcTemplate(ds);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        this.clock = clock;
    }

    /** The course's users as stored, by user id. */
    public Map<Long, Membership> of(long courseId) {
        Map<Long, Membership> members = new HashMap<>();
        jdbc.query("SELECT user_id, generation, present FROM course_member WHERE course_id = ?",
                rs -> {
                    members.put(rs.getLong(1), new Membership(rs.getInt(2), rs.getBoolean(3)));
                }, courseId);
        return members;
    }

    /**
     * Records a full read of the course: {@code enrolled} are its users now; stored users not among them left it.
     *
     * @return every user's membership after this read, by user id
     */
    public Map<Long, Membership> observe(long courseId, Set<Long> enrolled) {
        return tx.execute(status -> {
            Map<Long, Membership> members = of(courseId);
            Timestamp now = Timestamp.from(clock.instant());
            List<Object[]> inserts = new ArrayList<>();
            List<Object[]> updates = new ArrayList<>();
            for (Long user : enrolled) {
                Membership before = members.get(user);
                Membership after = Membership.seen(before);
                if (before == null) {
                    inserts.add(new Object[] {courseId, user, after.generation(), true, now});
                } else if (!after.equals(before)) {
                    updates.add(update(courseId, user, after, now));
                }
                members.put(user, after);
            }
            for (Map.Entry<Long, Membership> m : Map.copyOf(members).entrySet()) {
                if (m.getValue().present() && !enrolled.contains(m.getKey())) {
                    Membership left = m.getValue().left();
                    updates.add(update(courseId, m.getKey(), left, now));
                    members.put(m.getKey(), left);
                }
            }
            // one batch each, however many joined or left
            if (!inserts.isEmpty()) {
                jdbc.batchUpdate("INSERT INTO course_member (course_id, user_id, generation, present, changed_at)"
                        + " VALUES (?, ?, ?, ?, ?)", inserts);
            }
            if (!updates.isEmpty()) {
                jdbc.batchUpdate("UPDATE course_member SET generation = ?, present = ?, changed_at = ?"
                        + " WHERE course_id = ? AND user_id = ?", updates);
            }
            return members;
        });
    }

    private static Object[] update(long courseId, long user, Membership m, Timestamp now) {
        return new Object[] {m.generation(), m.present(), now, courseId, user};
    }
}
