package io.github.mcsync.moodle.db;

import io.github.mcsync.moodle.MoodleCourse;
import java.util.List;
import java.util.Map;

/** Reads the rows of the course query (preflight with moodle.source=db) as the REST source's course records. */
public final class CourseRows {
    public List<MoodleCourse> read(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> new MoodleCourse(EnrolmentRows.number(r.get("id")),
                EnrolmentRows.text(r.get("shortname")), EnrolmentRows.text(r.get("fullname")),
                EnrolmentRows.text(r.get("idnumber")), EnrolmentRows.number(r.get("categoryid")),
                EnrolmentRows.flag(r.get("visible")) ? 1 : 0, EnrolmentRows.text(r.get("format")))).toList();
    }
}
