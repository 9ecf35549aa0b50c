package io.github.mcsync.failure;

/** One thing wrong, with its reason code, what is wrong, and where to fix it. */
public record Problem(String code, String message, String fix) {

    public String text() {
        return message + ": " + fix;
    }
}
