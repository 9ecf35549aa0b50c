package io.github.mcsync.enrolment;

import java.util.List;
import java.util.Map;

/**
 * The canonical record that travels the whole flow: one person enrolled in one Moodle course.
 * Both Moodle sources produce it; everything after the source sees only it. Serialised as JSON into
 * dead letters, so it must never carry a secret; a payload written by an earlier version (without the later
 * components) reads back with those components null.
 *
 * @param userIdnumber    the Moodle user's ID number (profile field idnumber)
 * @param customFields    custom profile fields by shortname
 * @param enrolmentId     Moodle user_enrolments.id where the source knows it (database source), else null
 * @param timeCreated     when the enrolment was made (epoch seconds) where the source knows it, else null
 * @param timeStart       when the enrolment starts (epoch seconds, 0 = at once) where the source knows it, else null
 * @param source          "ws" or "db"
 * @param sourceReference the idempotency key, also sent to CourseSales as SourceReference; null: derived by
 *                        {@link SourceReference#of(Long, long, long)}
 */
public record Enrolment(
        long userId,
        String username,
        String firstName,
        String lastName,
        String email,
        String phone1,
        String phone2,
        String userIdnumber,
        String institution,
        String department,
        String city,
        String country,
        Map<String, String> customFields,
        long courseId,
        String courseShortname,
        String courseFullname,
        String courseIdnumber,
        long categoryId,
        Long enrolmentId,
        List<String> roles,
        Long timeCreated,
        Long timeStart,
        String source,
        String sourceReference) {

    public Enrolment {
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
        roles = roles == null ? List.of() : List.copyOf(roles);
        if (sourceReference == null) {
            sourceReference = SourceReference.of(enrolmentId, courseId, userId);
        }
    }

    /** Only the source reference: an Enrolment in a log line, a trace or a dump never shows personal data. */
    @Override
    public String toString() {
        return "Enrolment[" + sourceReference + "]";
    }
}
