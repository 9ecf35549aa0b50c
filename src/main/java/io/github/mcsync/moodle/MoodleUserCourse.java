package io.github.mcsync.moodle;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A course as core_enrol_get_users_courses returns it: one in which the user's enrolment is active now (Moodle leaves
 * out suspended, expired and not yet started enrolments). Names come HTML-escaped, as from core_course_get_courses.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MoodleUserCourse(long id, String shortname, String fullname, String idnumber, long category) {
}
