package io.github.mcsync.moodle;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A course as core_course_get_courses returns it (names come HTML-escaped; ids do not). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MoodleCourse(long id, String shortname, String fullname, String idnumber, long categoryid,
                           int visible, String format) {

    /** The front page ("site") course: never a real course to watch. */
    public boolean isSiteCourse() {
        return "site".equals(format) || categoryid == 0;
    }
}
