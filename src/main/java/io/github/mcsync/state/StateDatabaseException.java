package io.github.mcsync.state;

/**
 * The state database cannot be opened or migrated, for a reason an operator fixes (it is in use by another
 * process, its schema holds someone else's tables): the message is one line saying what to do.
 */
public class StateDatabaseException extends IllegalStateException {
    public StateDatabaseException(String message) {
        super(message);
    }
}
