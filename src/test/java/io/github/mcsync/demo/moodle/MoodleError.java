package io.github.mcsync.demo.moodle;

/**
 * An error as Moodle 4.5 reports it to web-service clients (with HTTP 200): PHP exception class, error code
 * and message, exactly as in the captured fixtures with site debugging off (so no "debuginfo").
 */
final class MoodleError extends RuntimeException {

    private final String exceptionClass;
    private final String errorcode;

    private MoodleError(String exceptionClass, String errorcode, String message) {
        super(message, null, false, false);
        this.exceptionClass = exceptionClass;
        this.errorcode = errorcode;
    }

    String exceptionClass() {
        return exceptionClass;
    }

    String errorcode() {
        return errorcode;
    }

    /** Missing, unknown or wrong wstoken. */
    static MoodleError invalidToken() {
        return new MoodleError("core\\exception\\moodle_exception", "invalidtoken", "Invalid token - token not found");
    }

    /** Function not in the token's service (or capability missing). */
    static MoodleError accessException() {
        return new MoodleError("webservice_access_exception", "accessexception", "Access control exception");
    }

    /**
     * The web-service user lacks a capability in the course's context (e.g. moodle/course:viewparticipants for
     * core_enrol_get_enrolled_users): Moodle's required_capability_exception, message from its language string
     * "nopermissions" (not in the captured fixtures).
     */
    static MoodleError noPermissions() {
        return new MoodleError("required_capability_exception", "nopermissions",
                "Sorry, but you do not currently have permissions to do that (View participants).");
    }

    /** Any parameter problem (missing wsfunction, missing/extra/mistyped parameter); the reason is debug-only. */
    static MoodleError invalidParameter() {
        return new MoodleError("core\\exception\\invalid_parameter_exception", "invalidparameter",
                "Invalid parameter value detected");
    }

    /** A MUST_EXIST record lookup failed, e.g. table "course" or "external_functions" (unknown wsfunction). */
    static MoodleError missingRecord(String table) {
        return new MoodleError("dml_missing_record_exception", "invalidrecord",
                "Can't find data record in database table " + table + ".");
    }

    /** What Moodle answers when its database fails mid-way (dml_read_exception), HTTP 200 like every error. */
    static MoodleError databaseReadError() {
        return new MoodleError("dml_read_exception", "dmlreadexception", "Error reading from database");
    }

    static MoodleError codingError(String detail) {
        return new MoodleError("core\\exception\\coding_exception", "codingerror",
                "Coding error detected, it must be fixed by a programmer: " + detail);
    }
}
