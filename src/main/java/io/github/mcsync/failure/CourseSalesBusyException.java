package io.github.mcsync.failure;

/**
 * A CourseSales call waited longer than its bound in the login gate (the calls before it took their whole
 * time-outs): nothing was sent; transient, like a time-out.
 */
public class CourseSalesBusyException extends RuntimeException {
    public static final String CODE = "COURSESALES_BUSY";

    public CourseSalesBusyException(String message) {
        super(message);
    }
}
