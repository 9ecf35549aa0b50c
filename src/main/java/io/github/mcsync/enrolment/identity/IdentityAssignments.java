package io.github.mcsync.enrolment.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The identifiers this deployment has assigned, one per Moodle user, in the state database (table
 * {@code identity_assignment}, migration V2). Rows are only ever inserted: that is what keeps identifiers stable.
 */
public final class IdentityAssignments implements Assignments {
    private static final String COLUMNS = "moodle_user_id, identifier, strategy, username_at_assignment, assigned_at";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    /**
     * @param identifier null under {@link IdentityStrategy#SEQUENTIAL}: we send none, CourseSales numbers the client
     */
    public record Assignment(long moodleUserId, String identifier, IdentityStrategy strategy,
                             String usernameAtAssignment, Instant assignedAt) {
    }

    public IdentityAssignments(DataSource ds, Clock clock) {
        this.jdbc = new JdbcTemplate(ds);
        this.clock = clock;
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
