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

    public static String of(Enrolment e) {
        return e.enrolmentId() != null
                ? "moodle:ue:" + e.enrolmentId()
                : "moodle:c" + e.courseId() + ":u" + e.userId();
    }

    public static String schemeOf(Enrolment e) {
        return e.enrolmentId() != null ? SCHEME_ENROLMENT_ID : SCHEME_COURSE_USER;
    }
}
