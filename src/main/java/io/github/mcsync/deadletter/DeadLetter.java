package io.github.mcsync.deadletter;

import java.time.Instant;

/** One row of the dead-letter store. {@code payload} is the canonical Enrolment as JSON, never a secret. */
public record DeadLetter(long id, String sourceReference, String stage, String reasonCode, String reasonText,
                         String payload, int attempts, Instant firstFailureAt, Instant lastFailureAt, String status,
                         int replayCount, String resolvedDocumentId) {

    public static final String NEW = "NEW";
    public static final String REPLAY_REQUESTED = "REPLAY_REQUESTED";
    public static final String REPLAYED = "REPLAYED";
    public static final String DISCARDED = "DISCARDED";
}
