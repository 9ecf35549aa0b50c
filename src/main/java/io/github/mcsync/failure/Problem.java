package io.github.mcsync.failure;

/** One thing wrong, with its reason code, what is wrong, and where to fix it. */
public record Problem(String code, String message, String fix) {

    /** A problem with one of our own reason codes: the fix is the code's sentence for the operator. */
    public static Problem of(ReasonCode code, String message) {
        return new Problem(code.name(), message, code.advice());
    }

    public String text() {
        return message + ": " + fix;
    }
}
