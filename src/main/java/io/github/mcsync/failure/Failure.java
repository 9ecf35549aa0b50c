package io.github.mcsync.failure;

/** A classified failure: what kind it is, the reason code an operator acts on, and a text without secrets. */
public record Failure(Kind kind, String code, String text) {

    public enum Kind {
        /** May succeed later: redeliver with backoff, then dead-letter with RETRIES_EXHAUSTED. */
        TRANSIENT,
        /** This record cannot succeed as it is: dead-letter at once. */
        PERMANENT,
        /** No record can succeed (login, token): halt the feed, consume nothing more. */
        SYSTEMIC,
        /** CourseSales' configuration is wrong for every record: pause the feed until the next poll checks again. */
        CONFIGURATION
    }
}
