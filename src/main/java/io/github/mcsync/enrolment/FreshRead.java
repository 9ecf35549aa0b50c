package io.github.mcsync.enrolment;

/**
 * What a replay learnt when it read a dead letter's enrolment again at its source, before it is validated and sent:
 * <ul>
 * <li>{@code CURRENT}: the enrolment is still active; {@code enrolment} carries today's user and course values (the
 *     fix an operator made in Moodle), with the stored source reference;</li>
 * <li>{@code NO_LONGER_ENROLLED}: the enrolment is not active any more (unenrolled, suspended, ended, or the user is
 *     gone): it is not sent, {@code reason} says why in an operator's words;</li>
 * <li>{@code STORED}: the source has no fresh read; {@code enrolment} is the stored one, sent as it is;</li>
 * <li>{@code UNAVAILABLE}: the source cannot be read now (its halt, {@code reason}); nothing is sent, the dead letter
 *     waits.</li>
 * </ul>
 * Each Moodle source supplies its own read as the route {@code direct:moodleFreshEnrolment-<moodle.source>} (see
 * routes/replay.camel.yaml); its body in is the stored Enrolment, its body out a FreshRead.
 */
public record FreshRead(String status, Enrolment enrolment, String reason) {
    public static final String CURRENT = "CURRENT";
    public static final String NO_LONGER_ENROLLED = "NO_LONGER_ENROLLED";
    public static final String STORED = "STORED";
    public static final String UNAVAILABLE = "UNAVAILABLE";

    public static FreshRead current(Enrolment today) {
        return new FreshRead(CURRENT, today, null);
    }

    public static FreshRead noLongerEnrolled(Enrolment stored, String reason) {
        return new FreshRead(NO_LONGER_ENROLLED, stored, reason);
    }

    public static FreshRead stored(Enrolment stored, String reason) {
        return new FreshRead(STORED, stored, reason);
    }

    public static FreshRead unavailable(Enrolment stored, String reason) {
        return new FreshRead(UNAVAILABLE, stored, reason);
    }

    /** Whether the enrolment goes on to validation and sending. */
    public boolean send() {
        return CURRENT.equals(status) || STORED.equals(status);
    }

    @Override
    public String toString() {
        return "FreshRead[" + status + ", " + enrolment + "]";
    }
}
