package io.github.mcsync.enrolment.identity;

import io.github.mcsync.enrolment.identity.IdentityAssignments.Assignment;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The identifiers a dry run (the preview) would assign: the state database's assignments, read only, plus those the
 * dry run has assigned so far, kept in memory. It answers exactly as {@link IdentityAssignments} would after the same
 * inserts (one identifier per user, one user per identifier), so a collision between two users new in the same poll
 * shows in the preview as it would happen in the poll, and nothing is written.
 */
public final class TentativeAssignments implements Assignments {
    private final IdentityAssignments stored;
    private final Clock clock;
    private final Map<Long, Assignment> byUser = new ConcurrentHashMap<>();
    private final Map<String, Assignment> byIdentifier = new ConcurrentHashMap<>();

    public TentativeAssignments(IdentityAssignments stored, Clock clock) {
        this.stored = stored;
        this.clock = clock;
    }

    @Override
    public Optional<Assignment> forUser(long moodleUserId) {
        Assignment held = byUser.get(moodleUserId);
        return held != null ? Optional.of(held) : stored.forUser(moodleUserId);
    }

    @Override
    public synchronized Assignment assign(long moodleUserId, String identifier, IdentityStrategy strategy, String username) {
        Optional<Assignment> own = forUser(moodleUserId);
        if (own.isPresent()) {
            return own.get();
        }
        if (identifier != null) {
            Assignment holder = byIdentifier.get(identifier);
            if (holder == null) {
                holder = stored.holderOf(identifier).orElse(null);
            }
            if (holder != null) {
                return holder;
            }
        }
        Assignment tentative = new Assignment(moodleUserId, identifier, strategy, username, clock.instant());
        byUser.put(moodleUserId, tentative);
        if (identifier != null) {
            byIdentifier.put(identifier, tentative);
        }
        return tentative;
    }
}
