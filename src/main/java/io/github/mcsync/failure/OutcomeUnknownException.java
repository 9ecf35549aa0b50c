package io.github.mcsync.failure;

/**
 * A record whose last submission got no answer (a time-out, a connection reset, a crash) and whose in-flight mark is
 * still younger than the receive time-out plus {@code coursesales.unknown-outcome-grace}: CourseSales may still be
 * storing that submission, so it is neither looked up with FindDocuments nor sent again yet. The record waits at its
 * source (a poll) and a later poll resolves it; in a replay it is transient, like a time-out.
 */
public class OutcomeUnknownException extends RuntimeException {
    public static final String CODE = "OUTCOME_UNKNOWN";

    public OutcomeUnknownException(String message) {
        super(message);
    }
}
