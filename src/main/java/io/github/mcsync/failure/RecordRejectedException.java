package io.github.mcsync.failure;

/**
 * One record cannot be delivered as it is (a permanent, record-level reason): it goes to the dead-letter
 * store at once with {@link #code()} and the feed goes on with the other records.
 */
public class RecordRejectedException extends RuntimeException {
    private final String code;

    public RecordRejectedException(String code, String reason) {
        super(code + ": " + reason);
        this.code = code;
    }

    public RecordRejectedException(ReasonCode code, String reason) {
        this(code.name(), reason);
    }

    public String code() {
        return code;
    }

    /** The reason without the code prefix. */
    public String reason() {
        return getMessage().substring(code.length() + 2);
    }
}
