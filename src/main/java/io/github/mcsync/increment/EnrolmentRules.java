package io.github.mcsync.increment;

import java.util.List;
import java.util.Set;

/**
 * Which Moodle enrolment rows are registered, as the REST source decides it (pure rules, no I/O). A row is
 * {@link Verdict#ACTIVE} when the enrolment is active (user_enrolments.status 0, its enrol instance enabled,
 * timestart at or before now, timeend 0 or after now), the user is neither deleted nor suspended, the user holds one of
 * {@code moodle.roles} in the course context, and the course is watched ({@code moodle.courses}, else every visible
 * course except the site course). A row that is not active yet but may become so (a future start, a suspended
 * enrolment or user, a disabled instance, no role assigned yet) is {@link Verdict#WAITING}: the source reads it again
 * on every poll. Anything else never will be ({@link Verdict#NEVER}).
 */
public final class EnrolmentRules {

    public enum Verdict { ACTIVE, WAITING, NEVER }

    /**
     * What the rules read of one user_enrolments row.
     *
     * @param instanceStatus the enrol instance's status (0 enabled); null when the instance is gone
     * @param courseId       null when the instance's course is gone
     * @param userDeleted    null when the user row is gone
     * @param roles          the role shortnames the user holds in the course context
     */
    public record Row(long enrolmentId, int status, long timeStart, long timeEnd, Integer instanceStatus, Long courseId,
                      boolean courseVisible, boolean siteCourse, Boolean userDeleted, boolean userSuspended,
                      List<String> roles) {
    }

    private final Set<String> roles;
    private final Set<Long> courses;

    /**
     * @param roles   {@code moodle.roles}
     * @param courses {@code moodle.courses}; empty: every visible course except the site course
     */
    public EnrolmentRules(Set<String> roles, Set<Long> courses) {
        this.roles = Set.copyOf(roles);
        this.courses = Set.copyOf(courses);
    }

    /** @param now epoch seconds */
    public Verdict verdict(Row r, long now) {
        if (r.courseId() == null || r.instanceStatus() == null || r.userDeleted() == null || r.userDeleted()) {
            return Verdict.NEVER; // the instance, course or user is gone, or the user deleted: for good
        }
        if (!watched(r)) {
            return Verdict.NEVER; // a course that enters the watch list later does not backfill its history
        }
        if (r.timeEnd() != 0 && r.timeEnd() <= now) {
            return Verdict.NEVER; // ended
        }
        if (!r.roles().isEmpty() && r.roles().stream().noneMatch(roles::contains)) {
            return Verdict.NEVER; // a teacher, a manager...
        }
        if (r.roles().isEmpty() || r.status() != 0 || r.instanceStatus() != 0 || r.userSuspended() || r.timeStart() > now) {
            return Verdict.WAITING;
        }
        return Verdict.ACTIVE;
    }

    /** Why a row waits, for the state database and the logs. */
    public static String waitingReason(Row r, long now) {
        if (r.roles().isEmpty()) {
            return "NO_ROLE_YET";
        }
        if (r.status() != 0) {
            return "ENROLMENT_SUSPENDED";
        }
        if (r.instanceStatus() != null && r.instanceStatus() != 0) {
            return "INSTANCE_DISABLED";
        }
        if (r.userSuspended()) {
            return "USER_SUSPENDED";
        }
        return r.timeStart() > now ? "NOT_STARTED" : "WAITING";
    }

    private boolean watched(Row r) {
        if (r.siteCourse()) {
            return false;
        }
        return courses.isEmpty() ? r.courseVisible() : courses.contains(r.courseId());
    }
}
