package io.github.mcsync.enrolment.identity;

import io.github.mcsync.enrolment.Enrolment;
import io.github.mcsync.failure.ReasonCode;
import io.github.mcsync.failure.RecordRejectedException;
import io.github.mcsync.enrolment.identity.IdentityAssignments.Assignment;
import io.github.mcsync.enrolment.identity.IdentityAssignments.Claim;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives each Moodle user an AVETMISS Client Identifier that is unique and stable. A user's first enrolment
 * assigns one under the current {@link IdentityStrategy}; from then on the user always gets that same
 * identifier back, whatever later happens to the username or to {@code identity.strategy}.
 * <p>
 * An identifier is 1 to 10 printable ASCII characters, where "printable" excludes the space: AVETMISS
 * alphanumeric fields are space-filled to their length (NCVER file specifications), so a trailing space vanishes
 * and an inner one is easily lost on the way; Moodle's default username rules do not allow spaces either.
 * Nothing is transliterated or cut silently: a value that cannot be used rejects the record.
 */
public final class ClientIdentifiers {
    public static final int MAX_LENGTH = 10;

    private final IdentityStrategy strategy;
    private final IdentityAssignments assignments;

    public ClientIdentifiers(IdentityStrategy strategy, IdentityAssignments assignments) {
        this.strategy = strategy;
        this.assignments = assignments;
    }

    /**
     * The user's identity, assigning one (and recording it) on the user's first enrolment.
     *
     * @throws RecordRejectedException CLIENT_ID_INVALID or CLIENT_ID_NOT_UNIQUE; nothing is recorded then
     */
    public Identity identify(Enrolment e) {
        return identify(e, assignments);
    }

    /**
     * The same, with the identifiers held by {@code held} (a dry run passes its {@link TentativeAssignments}, so it
     * writes nothing and answers what the poll would). One at a time in this instance (the send lanes validate side
     * by side): a user's lookup and first assignment are one step; between instances the unique constraints decide.
     */
    public synchronized Identity identify(Enrolment e, Assignments in) {
        Assignment held = in.forUser(e.userId()).orElseGet(() -> assign(e, in));
        // Sent in the client-id field where the strategy puts it there, and for an identifier assigned under an
        // earlier strategy, so a switch never changes what an existing client is known by.
        boolean inField = held.identifier() != null
                && (held.strategy().needsClientIdField() || held.strategy() != strategy);
        return new Identity(held.moodleUserId(), held.identifier(), held.strategy(), inField ? held.identifier() : null);
    }

    /**
     * Before a page goes out on the send lanes: assigns the identifiers of its users that have none, in Moodle's
     * order and in one transaction, so the lanes only look them up (no write per record), and under the username
     * strategy, where two usernames can share their first 10 characters, the first in Moodle's order holds a contested
     * identifier whichever lane validates first. When one of them is taken (two users of the page contest an
     * identifier, or another instance assigned one meanwhile) they are assigned one at a time instead. A value that
     * cannot be used is left to validation, which rejects its record.
     */
    public synchronized void claimInOrder(List<Enrolment> enrolments) {
        Set<Long> held = assignments.heldAmong(enrolments.stream().map(Enrolment::userId).toList());
        Map<Long, Enrolment> unassigned = new LinkedHashMap<>();
        enrolments.stream().filter(e -> !held.contains(e.userId())).forEach(e -> unassigned.putIfAbsent(e.userId(), e));
        List<Claim> claims = new ArrayList<>(unassigned.size());
        for (Enrolment e : unassigned.values()) {
            try {
                claims.add(new Claim(e.userId(), candidate(e).value(), e.username()));
            } catch (RecordRejectedException rejectedLater) {
                // CLIENT_ID_INVALID: the record's validation dead-letters it
            }
        }
        if (claims.isEmpty() || assignments.assignAll(claims, strategy)) {
            return;
        }
        for (Enrolment e : unassigned.values()) {
            if (assignments.forUser(e.userId()).isEmpty()) {
                try {
                    assign(e, assignments);
                } catch (RecordRejectedException rejectedLater) {
                    // CLIENT_ID_INVALID or CLIENT_ID_NOT_UNIQUE: the record's validation dead-letters it
                }
            }
        }
    }

    private Assignment assign(Enrolment e, Assignments in) {
        Candidate c = candidate(e);
        Assignment held = in.assign(e.userId(), c.value(), strategy, e.username());
        if (held.moodleUserId() != e.userId()) {
            throw new RecordRejectedException(ReasonCode.CLIENT_ID_NOT_UNIQUE, "AVETMISS Client Identifier '"
                    + c.value() + "' (" + c.origin() + ") is already held by Moodle user " + held.moodleUserId()
                    + " (username '" + held.usernameAtAssignment() + "' when assigned under " + held.strategy() + ")");
        }
        return held;
    }

    /** A new identifier and where it came from (for messages). */
    private record Candidate(String value, String origin) {
    }

    private Candidate candidate(Enrolment e) {
        return switch (strategy) {
            case DOCUMENT_SOURCE_ID, MOODLE_USERID -> fromUserId(e.userId());
            case SEQUENTIAL -> new Candidate(null, "none: CourseSales numbers the client");
            case USERNAME -> fromUsername(e.username());
        };
    }

    private static Candidate fromUserId(long userId) {
        String id = Long.toString(userId);
        if (id.length() > MAX_LENGTH) {
            throw invalid("The Moodle user id " + id + " is " + id.length() + " characters long (at most " + MAX_LENGTH + ")");
        }
        return new Candidate(id, "the Moodle user id");
    }

    /** The username as it is, or cut to 10; the uniqueness of a cut value is settled by the assignment. */
    private static Candidate fromUsername(String username) {
        String problem = characterProblem(username);
        if (problem != null) {
            throw invalid("The Moodle username " + (username == null ? "" : "'" + username + "' ") + problem);
        }
        return username.length() <= MAX_LENGTH
                ? new Candidate(username, "the Moodle username")
                : new Candidate(username.substring(0, MAX_LENGTH),
                        "the first " + MAX_LENGTH + " characters of Moodle username '" + username + "'");
    }

    /** Why the value is not made of printable ASCII characters (space excluded), or null. */
    static String characterProblem(String value) {
        if (value == null || value.isBlank()) {
            return "is blank";
        }
        int[] codePoints = value.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            int c = codePoints[i];
            String at = " at position " + (i + 1);
            if (c == ' ') {
                return "has a space" + at;
            } else if (Character.isISOControl(c)) {
                return "has control character " + unicode(c) + at;
            } else if (c > '~') {
                return "has non-ASCII character '" + Character.toString(c) + "' (" + unicode(c) + ")" + at
                        + " (usernames are not transliterated)";
            }
        }
        return null;
    }

    private static String unicode(int codePoint) {
        return String.format("U+%04X", codePoint);
    }

    private static RecordRejectedException invalid(String reason) {
        return new RecordRejectedException(ReasonCode.CLIENT_ID_INVALID, reason);
    }
}
