package io.github.mcsync.enrolment.identity;

import io.github.mcsync.enrolment.identity.IdentityAssignments.Assignment;
import java.util.Optional;

/**
 * Where client identifiers are held: the state database ({@link IdentityAssignments}), or a dry run's tentative
 * ledger over it ({@link TentativeAssignments}) that answers the same and writes nothing.
 */
public interface Assignments {
    Optional<Assignment> forUser(long moodleUserId);

    /**
     * Records the user's identifier and returns the assignment that now holds: the new one, or, when the user or the
     * identifier is already taken, the existing one (the user's own, else the other user's that holds the identifier).
     */
    Assignment assign(long moodleUserId, String identifier, IdentityStrategy strategy, String username);
}
