package io.github.mcsync.deadletter;

/**
 * What one replay did with one dead letter (an ops API answer, never a secret).
 *
 * @param outcome    DELIVERED, FAILED_AGAIN (reasonCode says why), ALREADY_DELIVERED (the key was done: nothing
 *                   sent), DISCARDED (not replayed), IN_PROGRESS (another replay holds it), FEED_HALTED (not
 *                   replayed: CourseSales refused our login, fix it and resume first), HALTED (this replay's
 *                   login was refused), PAUSED (a CourseSales configuration problem stops every record: fix it,
 *                   replay again), MOODLE_UNAVAILABLE (the enrolment could not be read again in Moodle: Moodle
 *                   unreachable, failing or halted), INTERRUPTED (the replay failed outside the record's own error
 *                   handling) or NOT_FOUND; except for NOT_FOUND the dead letter then waits (NEW) and reasonText
 *                   says why. An enrolment no longer active in Moodle is FAILED_AGAIN with NO_LONGER_ENROLLED
 * @param documentId CourseSales' DocumentExternalId when delivered
 */
public record ReplayOutcome(long id, String sourceReference, String outcome, String reasonCode, String reasonText,
                            String documentId) {
    public static final String DELIVERED = "DELIVERED";
    public static final String FAILED_AGAIN = "FAILED_AGAIN";
    public static final String ALREADY_DELIVERED = "ALREADY_DELIVERED";
    public static final String DISCARDED = "DISCARDED";
    public static final String IN_PROGRESS = "IN_PROGRESS";
    public static final String FEED_HALTED = "FEED_HALTED";
    public static final String HALTED = "HALTED";
    public static final String PAUSED = "PAUSED";
    public static final String MOODLE_UNAVAILABLE = "MOODLE_UNAVAILABLE";
    public static final String INTERRUPTED = "INTERRUPTED";
    public static final String NOT_FOUND = "NOT_FOUND";
}
