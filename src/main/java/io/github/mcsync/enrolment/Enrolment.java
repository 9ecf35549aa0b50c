package io.github.mcsync.enrolment;

import java.util.List;
import java.util.Map;

/**
 * The canonical record that travels the whole flow: one person enrolled in one Moodle course.
 * Both Moodle sources produce it; everything after the split sees only it. Serialised as JSON into
 * dead letters, so it must never carry a secret.
 *
 * @param enrolmentId Moodle user_enrolments.id where the source knows it (DB source), else null
 * @param timeCreated enrolment time (epoch seconds) where the source knows it, else null
 * @param source      "ws" or "db"
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
        Map<String, String> customFields,
        long courseId,
        String courseShortname,
        String courseIdnumber,
        long categoryId,
        Long enrolmentId,
        List<String> roles,
        Long timeCreated,
        String source) {

    public Enrolment {
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** The idempotency key, also sent to CourseSales as SourceReference. */
    public String sourceReference() {
        return SourceReference.of(this);
    }
}
