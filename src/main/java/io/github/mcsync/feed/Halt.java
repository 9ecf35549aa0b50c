package io.github.mcsync.feed;

import java.time.Instant;

/**
 * Why one system halts the feed: the reason code (AUTHENTICATION_FAILED, ACCOUNT_LOCKED, an unknown refusal such as
 * HTTP_401, or a Moodle code such as MOODLE_INVALIDTOKEN), the reason as logged, since when, and what the
 * operator does about it.
 */
public record Halt(ExternalSystem system, String code, String reason, Instant since) {
    public static final String ACCOUNT_LOCKED = "ACCOUNT_LOCKED";
    public static final String AUTHENTICATION_FAILED = "AUTHENTICATION_FAILED";
    private static final String RESUME_HOW = "resume (POST /api/resume, or `java -jar moodle-coursesales-sync.jar"
            + " resume` for --once runs)";
    private static final String RESUME = "then " + RESUME_HOW;

    /** CourseSales locked the login after three failed logins: only an administrator can unlock it. */
    public boolean locked() {
        return system == ExternalSystem.COURSESALES && ACCOUNT_LOCKED.equals(code);
    }

    /** What the operator does about it (one sentence). */
    public String fix() {
        if (system == ExternalSystem.MOODLE) {
            return "Moodle refuses the web-service token or access: check moodle.token and the external service's"
                    + " functions in Moodle (Site administration > Server > Web services), " + RESUME;
        }
        if (locked()) {
            return "The CourseSales login is locked (three failed logins in a row): an administrator must unlock it in"
                    + " CourseSales; correct coursesales.password first if it is wrong, " + RESUME;
        }
        if (AUTHENTICATION_FAILED.equals(code)) {
            return "CourseSales refuses the login: correct coursesales.username / coursesales.password (or make the"
                    + " login Active and of type Soap in CourseSales), then restart with it, or " + RESUME_HOW;
        }
        return "CourseSales refused the call in a way its contract does not describe (" + code + "; it may be a refused"
                + " login): check coursesales.url, the login and the adapter's mapping of CourseSales' WSDL, " + RESUME;
    }

    /** The state as one word for status and health: LOCKED, LOGIN_REFUSED, REFUSED (unknown) or TOKEN_REFUSED. */
    public String state() {
        if (system == ExternalSystem.MOODLE) {
            return "TOKEN_REFUSED";
        }
        return locked() ? "LOCKED" : AUTHENTICATION_FAILED.equals(code) ? "LOGIN_REFUSED" : "REFUSED";
    }
}
