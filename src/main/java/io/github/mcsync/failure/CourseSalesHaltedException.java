package io.github.mcsync.failure;

/**
 * A CourseSales call that the login gate did not let through: the CourseSales halt is set (a refused login, a
 * locked login or an unknown refusal), so trying would cost another failed login. It carries the halt's reason;
 * nothing was sent.
 */
public class CourseSalesHaltedException extends RuntimeException {
    public static final String CODE = "HALTED";

    private final String haltReason;

    public CourseSalesHaltedException(String haltReason) {
        super(CODE + ": not sent, CourseSales is halted: " + haltReason);
        this.haltReason = haltReason;
    }

    /** The reason of the CourseSales halt that stopped the call. */
    public String haltReason() {
        return haltReason;
    }
}
