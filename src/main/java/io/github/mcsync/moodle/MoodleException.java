package io.github.mcsync.moodle;

import io.github.mcsync.Secrets;
import java.util.Set;

/**
 * Moodle did not answer a web-service call usefully: an error in an HTTP 200 body (JSON {@code exception}
 * or XML {@code <EXCEPTION>}), a body that is not JSON, an HTTP error or a time-out. Never carries the token.
 */
public class MoodleException extends RuntimeException {
    /** Error codes that no retry can fix: the token or the web service itself is wrong. */
    private static final Set<String> SYSTEMIC = Set.of("invalidtoken", "accessexception", "servicerequireslogin",
            "webservicesnotenabled", "forbiddenwsuser", "restoredaccountresetpassword", "usernotfullysetup");

    private final String errorCode;

    public MoodleException(String errorCode, String message) {
        super(Secrets.redact("Moodle error " + errorCode + ": " + message));
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }

    /** True when the Moodle token or web-service set-up is wrong: polling again cannot succeed. */
    public boolean systemic() {
        return SYSTEMIC.contains(errorCode);
    }
}
