package io.github.mcsync.demo.moodle;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mcsync.demo.moodle.MoodleFunctions.Result;
import io.github.mcsync.demo.moodle.MoodleSiteData.CourseRow;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * core_enrol_get_users_courses(userid, returnusercount): the courses in which the user's enrolment is active now
 * (suspended, expired and not yet started ones are left out, as core_enrol_get_users_courses__sam_suspended.json
 * shows), visible first, then by sort order; {@code []} for a user without any, or one that does not exist. A userid
 * that is not an integer is "Invalid parameter value detected". enrolledusercount counts the course's enrolments
 * (any status) and is left out with returnusercount=0.
 */
final class UsersCoursesFunction implements Function<RestParameters, Result> {
    private final MoodleSiteData site;
    private final Supplier<String> wwwroot;

    UsersCoursesFunction(MoodleSiteData site, Supplier<String> wwwroot) {
        this.site = site;
        this.wwwroot = wwwroot;
    }

    @Override
    public Result apply(RestParameters params) {
        params.requireOnly("userid", "returnusercount");
        long userId = params.requiredInt("userid");
        boolean userCount = !"0".equals(params.value("returnusercount"));
        ArrayNode body = MoodleJson.array();
        for (CourseRow row : site.activeCoursesOf(userId)) {
            if (!row.course().isSite()) {
                body.add(course(row, userId, userCount));
            }
        }
        return new Result(body, null);
    }

    private ObjectNode course(CourseRow row, long userId, boolean userCount) {
        SimulatedCourse c = row.course();
        List<MoodleSiteData.EnrolledUser> enrolled = site.enrolledUsers(row.id()).orElseThrow();
        // completion is tracked for a student (a gradebook role), not for a teacher
        boolean tracked = enrolled.stream().anyMatch(u -> u.id() == userId && u.roles().contains(MoodleRole.STUDENT));
        ObjectNode json = MoodleJson.object()
                .put("id", row.id())
                .put("shortname", MoodleJson.formatString(c.shortname()))
                .put("fullname", MoodleJson.formatString(c.fullname()))
                .put("displayname", MoodleJson.formatString(c.fullname()));
        if (userCount) {
            json.put("enrolledusercount", enrolled.size()); // every enrolment, whatever its status
        }
        json.put("idnumber", c.idnumber())
                .put("visible", c.visible() ? 1 : 0)
                .put("summary", c.summary())
                .put("summaryformat", 1)
                .put("format", c.format())
                .put("courseimage", wwwroot.get() + "/pluginfile.php/" + contextId(row.id()) + "/course/generated/course.svg")
                .put("showgrades", true)
                .put("lang", c.lang())
                .put("enablecompletion", true)
                .put("completionhascriteria", false)
                .put("completionusertracked", tracked)
                .put("category", c.categoryId())
                .putNull("progress")
                .put("completed", false)
                .put("startdate", c.startdate())
                .put("enddate", c.enddate())
                .put("marker", 0)
                .putNull("lastaccess")
                .put("isfavourite", false)
                .put("hidden", false);
        json.putArray("overviewfiles");
        return json.put("showactivitydates", false)
                .put("showcompletionconditions", true)
                .put("timemodified", c.timemodified());
    }

    /** The course's context id as on the captured site (mdl_context.csv: course 2 is context 14): course id + 12. */
    private static long contextId(long courseId) {
        return courseId + 12;
    }
}
