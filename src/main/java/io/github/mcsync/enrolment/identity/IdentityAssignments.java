package io.github.mcsync.enrolment.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The identifiers this deployment has assigned, one per Moodle user, in the state database (table
 * {@code identity_assignment}, migration V2). Rows are only ever inserted: that is what keeps identifiers stable.
 */
public final class IdentityAssignments implements Assignments {
    private static final String COLUMNS = "moodle_user_id, identifier, strategy, username_at_assignment, assigned_at";

    /** Users asked for in one query ({@link #heldAmong}). */
    private static final int CHUNK = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    /**
     * @param identifier null under {@link IdentityStrategy#SEQUENTIAL}: we send none, CourseSales numbers the client
     */
    public record Assignment(long moodleUserId, String identifier, IdentityStrategy strategy,
                             String usernameAtAssignment, Instant assignedAt) {
    }

    /** A user's identifier to be recorded ({@link #assignAll}). */
    public record Claim(long moodleUserId, String identifier, String username) {
    }

    public IdentityAssignments(DataSource ds, Clock clock) {
        this.jdbc = new JdbcTemplate(ds);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        this.clock = clock;
    }

    /** Which of these users hold an identifier, in one query per 500 users. */
    public Set<Long> heldAmong(Collection<Long> moodleUserIds) {
        List<Long> all = new ArrayList<>(new HashSet<>(moodleUserIds));
        Set<Long> held = new HashSet<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            held.addAll(jdbc.queryForList("SELECT moodle_user_id FROM identity_assignment WHERE moodle_user_id IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")", Long.class, chunk.toArray()));
        }
        return held;
    }

    /**
     * Records these identifiers in one transaction, or none of them: false when a user or an identifier among them
     * is already taken (by another user of the list too, or by a concurrent insert: the unique constraints decide).
     */
    public boolean assignAll(List<Claim> claims, IdentityStrategy strategy) {
        Timestamp now = Timestamp.from(clock.instant());
        try {
            tx.executeWithoutResult(status -> jdbc.batchUpdate("INSERT INTO identity_assignment (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?)", claims.stream().map(c -> new Object[] {c.moodleUserId(), c.identifier(),
                    strategy.property(), c.username(), now}).toList()));
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    @Override
    public Optional<Assignment> forUser(long moodleUserId) {
        return first("moodle_user_id = ?", moodleUserId);
    }

    /** Who holds this identifier, if anyone. */
    public Optional<Assignment> holderOf(String identifier) {
        return first("identifier = ?", identifier);
    }

    /**
     * Records the user's identifier and returns the assignment that now holds. Normally that is the new one; if
     * the user or the identifier is already taken (also by a concurrent insert: the unique constraints decide),
     * nothing is written and the existing assignment is returned instead: the user's own one, else the other
     * user's that holds the identifier. Callers compare {@link Assignment#moodleUserId()} to tell.
     */
    @Override
    public Assignment assign(long moodleUserId, String identifier, IdentityStrategy strategy, String username) {
        Instant now = clock.instant();
        try {
            jdbc.update("INSERT INTO identity_assignment (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)",
                    moodleUserId, identifier, strategy.property(), username, Timestamp.from(now));
            return new Assignment(moodleUserId, identifier, strategy, username, now);
        } catch (DuplicateKeyException taken) {
            return forUser(moodleUserId)
                    .or(() -> identifier == null ? Optional.empty() : holderOf(identifier))
                    .orElseThrow(() -> taken);
        }
    }

    private Optional<Assignment> first(String where, Object arg) {
        return jdbc.query("SELECT " + COLUMNS + " FROM identity_assignment WHERE " + where,
                IdentityAssignments::row, arg).stream().findFirst();
    }

    private static Assignment row(ResultSet rs, int i) throws SQLException {
        return new Assignment(rs.getLong("moodle_user_id"), rs.getString("identifier"),
                IdentityStrategy.parse(rs.getString("strategy")), rs.getString("username_at_assignment"),
                rs.getTimestamp("assigned_at").toInstant());
    }
}
