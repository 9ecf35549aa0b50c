package io.github.mcsync.failure;

/**
 * The Moodle database (moodle.source=db) could not be read: the poll fails, nothing is sent, the high-water mark stays.
 * The code says what kind (MOODLE_DB_UNREACHABLE, MOODLE_DB_LOGIN_REFUSED, MOODLE_DB_TABLE_MISSING,
 * MOODLE_DB_COLUMN_MISSING, MOODLE_DB_PERMISSION_DENIED, MOODLE_DB_QUERY_FAILED); the message is one line with the fix,
 * never a password.
 */
public final class MoodleDatabaseException extends RuntimeException {
    private final String code;

    public MoodleDatabaseException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
