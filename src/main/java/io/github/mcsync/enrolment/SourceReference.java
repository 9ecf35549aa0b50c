package io.github.mcsync.enrolment;

/**
 * Source references (idempotency keys). {@code moodle:ue:<user_enrolments.id>} where the source knows the
 * enrolment id (DB source), else {@code moodle:c<courseid>:u<userid>} (WS source). The scheme is stored
 * with every key so a deployment never switches keys silently.
 */
public final class SourceReference {
    public static final String SCHEME_ENROLMENT_ID = "ue";
    public static final String SCHEME_COURSE_USER = "course-user";

    private SourceReference() {
    }

    /** The key of an enrolment whose source sets none: by its enrolment id where known, else by course and user. */
    public static String of(Long enrolmentId, long courseId, long userId) {
        return enrolmentId != null
                ? "moodle:ue:" + enrolmentId
                : "moodle:c" + courseId + ":u" + userId;
    }

    public static String schemeOf(Enrolment e) {
        return e.enrolmentId() != null ? SCHEME_ENROLMENT_ID : SCHEME_COURSE_USER;
    }
}
