package io.github.mcsync.enrolment;

/**
 * Source references (idempotency keys). {@code moodle:ue:<user_enrolments.id>} where the source knows the
 * enrolment id (DB source), else {@code moodle:c<courseid>:u<userid>} (WS source) for a user's first enrolment in a
 * course and {@code moodle:c<courseid>:u<userid>:g<n>} for the n-th (n &ge; 2: enrolled again after an unenrolment
 * the REST source saw). The scheme is stored with every key so a deployment never switches keys silently.
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

    /**
     * The WS source's key of a user's {@code generation}-th enrolment in a course: the first keeps the plain
     * {@code moodle:c<courseid>:u<userid>} (so every key written before re-enrolments were told apart stays valid),
     * a later one gets {@code :g<generation>}.
     */
    public static String of(long courseId, long userId, int generation) {
        String first = "moodle:c" + courseId + ":u" + userId;
        return generation <= 1 ? first : first + ":g" + generation;
    }

    public static String schemeOf(Enrolment e) {
        return e.enrolmentId() != null ? SCHEME_ENROLMENT_ID : SCHEME_COURSE_USER;
    }
}
