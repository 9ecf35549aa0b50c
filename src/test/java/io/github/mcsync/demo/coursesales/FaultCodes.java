package io.github.mcsync.demo.coursesales;

import java.util.Set;

/** The contract's fault codes and which SOAP 1.1 faultcode each travels with (simulator side). */
public final class FaultCodes {

    public static final String AUTHENTICATION_FAILED = "AUTHENTICATION_FAILED";
    public static final String ACCOUNT_LOCKED = "ACCOUNT_LOCKED";
    public static final String FORM_NOT_FOUND = "FORM_NOT_FOUND";
    public static final String FORM_INACTIVE = "FORM_INACTIVE";
    public static final String FORM_NOT_PUBLISHED = "FORM_NOT_PUBLISHED";
    public static final String FIELD_NOT_FOUND = "FIELD_NOT_FOUND";
    public static final String FIELD_INACTIVE = "FIELD_INACTIVE";
    public static final String MANDATORY_FIELD_MISSING = "MANDATORY_FIELD_MISSING";
    public static final String PROCESS_NOT_FOUND = "PROCESS_NOT_FOUND";
    public static final String PROCESS_STEP_INACTIVE = "PROCESS_STEP_INACTIVE";
    public static final String PROCESS_PATH_INACTIVE = "PROCESS_PATH_INACTIVE";
    public static final String COURSE_DATE_NOT_FOUND = "COURSE_DATE_NOT_FOUND";
    public static final String COURSE_DATE_NOT_ACTIVE = "COURSE_DATE_NOT_ACTIVE";
    public static final String INVALID_VALUE = "INVALID_VALUE";
    public static final String RATE_LIMITED = "RATE_LIMITED";
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    public static final Set<String> ALL = Set.of(AUTHENTICATION_FAILED, ACCOUNT_LOCKED, FORM_NOT_FOUND,
            FORM_INACTIVE, FORM_NOT_PUBLISHED, FIELD_NOT_FOUND, FIELD_INACTIVE, MANDATORY_FIELD_MISSING,
            PROCESS_NOT_FOUND, PROCESS_STEP_INACTIVE, PROCESS_PATH_INACTIVE, COURSE_DATE_NOT_FOUND,
            COURSE_DATE_NOT_ACTIVE, INVALID_VALUE, RATE_LIMITED, INTERNAL_ERROR);

    private FaultCodes() {
    }

    /** True for codes sent with faultcode soap:Server (retry later); all others are soap:Client. */
    public static boolean isServerFault(String code) {
        return RATE_LIMITED.equals(code) || INTERNAL_ERROR.equals(code);
    }

    /** The message used when a fault is injected without one. */
    static String defaultMessage(String code) {
        return switch (code) {
            case RATE_LIMITED -> "Too many requests; retry after a pause";
            case INTERNAL_ERROR -> "CourseSales failed; retry later";
            case AUTHENTICATION_FAILED -> "Wrong LoginUsername or LoginPassword";
            case ACCOUNT_LOCKED -> "The login is locked after repeated failed logins; an administrator must unlock it";
            default -> "Simulated fault " + code;
        };
    }
}
