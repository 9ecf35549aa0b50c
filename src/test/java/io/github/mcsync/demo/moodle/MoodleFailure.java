package io.github.mcsync.demo.moodle;

/** Faults {@link MoodleSimulator#failNext} can inject into the next requests, whatever their function. */
public enum MoodleFailure {
    /** Moodle's invalidtoken error with HTTP 200, in the requested format (JSON or XML). */
    INVALID_TOKEN,
    /** Moodle's webservice_access_exception "Access control exception" with HTTP 200, in the requested format. */
    ACCESS_EXCEPTION,
    /**
     * Moodle's required_capability_exception (errorcode nopermissions) with HTTP 200: the web-service user may not
     * see this course's participants. Usually injected for one course with {@link MoodleSimulator#failWhen}.
     */
    NO_PERMISSIONS,
    /** An HTML page with HTTP 200 and Content-Type text/html (a PHP error page, a proxy or maintenance page). */
    NON_JSON_BODY,
    /** HTTP 500 with an HTML body. */
    HTTP_500,
    /** The normal answer, sent after the delay set by {@link MoodleSimulator#setSlowDelay}. */
    SLOW,
    /**
     * The XML {@code <EXCEPTION>} body with HTTP 200 even though JSON was asked for: what Moodle sends when it
     * did not see the request's parameters (e.g. a JSON request body): invalidtoken in XML.
     */
    XML_EXCEPTION,
    /** The normal JSON answer cut off half-way (HTTP 200, a connection lost behind a proxy). */
    TRUNCATED_JSON,
    /** Moodle's dml_read_exception error body with HTTP 200 (the database failed while answering). */
    DATABASE_EXCEPTION
}
