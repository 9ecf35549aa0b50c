package io.github.mcsync.enrolment;

/**
 * The re-enrolment rule of the REST source, for one user in one course: which of the user's enrolments in the course
 * this is ({@code generation}, from 1), and whether the user is enrolled as last read ({@code present}: active,
 * suspended, expired or not yet started). A user seen again after the source saw them leave the course (unenrolled)
 * starts a new generation: a new registration. A suspension, an expiry, a change of dates, or a change of the
 * course's CourseSales course date keeps the generation: the same registration.
 */
public record Membership(int generation, boolean present) {

    /** The membership of a user seen enrolled now ({@code before}: as stored, null when never seen). */
    public static Membership seen(Membership before) {
        if (before == null) {
            return new Membership(1, true);
        }
        return before.present ? before : new Membership(before.generation + 1, true);
    }

    /** The generation an enrolment of this user read now has (without recording anything). */
    public static int generationSeenNow(Membership before) {
        return seen(before).generation;
    }

    /** The user is enrolled no more (in neither list of the course). */
    public Membership left() {
        return new Membership(generation, false);
    }
}
