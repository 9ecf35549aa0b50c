package io.github.mcsync.moodle;

import io.github.mcsync.enrolment.Enrolment;
import io.github.mcsync.enrolment.FreshRead;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A dead letter's enrolment as Moodle has it today (the replay's fresh read over REST, routes/moodle-ws-fresh-read):
 * the user from core_user_get_users_by_field (by id), the course from core_enrol_get_users_courses, which lists only
 * the courses where the user's enrolment is active now. Still active: the stored enrolment with today's user and
 * course values (its source reference, roles and times stay). Not listed, or no such user: NO_LONGER_ENROLLED.
 * Roles are not re-read (neither function returns them): a student who became a teacher in the course is still
 * replayed as the student the dead letter holds.
 */
public final class FreshEnrolments {

    public FreshRead read(Enrolment stored, List<MoodleUser> users, List<MoodleUserCourse> courses) {
        Optional<MoodleUser> user = users.stream().filter(u -> u.id() == stored.userId()).findFirst();
        if (user.isEmpty()) {
            return FreshRead.noLongerEnrolled(stored, "Moodle user " + stored.userId() + " no longer exists (deleted):"
                    + " nothing was sent. Discard this dead letter.");
        }
        Optional<MoodleUserCourse> course = courses.stream().filter(c -> c.id() == stored.courseId()).findFirst();
        if (course.isEmpty()) {
            return FreshRead.noLongerEnrolled(stored, "Moodle user " + stored.userId() + " is no longer actively enrolled"
                    + " in course " + stored.courseId() + " (unenrolled, suspended, ended or not yet started): nothing was"
                    + " sent. Discard this dead letter, or replay it once the enrolment is active again in Moodle.");
        }
        return FreshRead.current(today(stored, user.get(), course.get()));
    }

    private static Enrolment today(Enrolment stored, MoodleUser u, MoodleUserCourse c) {
        Map<String, String> custom = new LinkedHashMap<>();
        if (u.customfields() != null) {
            u.customfields().forEach(f -> custom.put(f.shortname(), f.value()));
        }
        return new Enrolment(u.id(), u.username(), u.firstname(), u.lastname(), u.email(), u.phone1(), u.phone2(),
                u.idnumber(), u.institution(), u.department(), u.city(), u.country(), custom, c.id(), c.shortname(),
                c.fullname(), c.idnumber(), c.category(), stored.enrolmentId(), stored.roles(), stored.timeCreated(),
                stored.timeStart(), stored.source(), stored.sourceReference());
    }
}
