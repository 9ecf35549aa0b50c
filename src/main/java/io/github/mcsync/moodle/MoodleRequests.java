package io.github.mcsync.moodle;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.StringJoiner;

/**
 * Builds the form bodies of the Moodle REST calls we make. The token travels in the POST body, never in a
 * URL, so it cannot appear in an endpoint URI, an HTTP exception or an access log.
 */
public final class MoodleRequests {
    private final String token;
    private final int pageSize;
    private final List<Long> courseIds;

    public MoodleRequests(String token, int pageSize, List<Long> courseIds) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("moodle.page-size must be at least 1, was " + pageSize);
        }
        this.token = token;
        this.pageSize = pageSize;
        this.courseIds = List.copyOf(courseIds);
    }

    public int pageSize() {
        return pageSize;
    }

    public String siteInfo() {
        return call("core_webservice_get_site_info").toString();
    }

    /** All courses, or the configured ones ({@code moodle.courses}). */
    public String courses() {
        StringJoiner body = call("core_course_get_courses");
        for (int i = 0; i < courseIds.size(); i++) {
            param(body, "options[ids][" + i + "]", Long.toString(courseIds.get(i)));
        }
        return body.toString();
    }

    /** One page of a course's active enrolled users, starting at {@code limitFrom}. */
    public String enrolledUsersPage(long courseId, int limitFrom) {
        return enrolledUsersPage(courseId, limitFrom, false);
    }

    /**
     * One page of a course's enrolled users, starting at {@code limitFrom}: the active ones ({@code onlyactive=1}),
     * or with {@code suspended} those suspended, expired or not yet started ({@code onlysuspended=1}).
     */
    public String enrolledUsersPage(long courseId, int limitFrom, boolean suspended) {
        StringJoiner body = call("core_enrol_get_enrolled_users");
        param(body, "courseid", Long.toString(courseId));
        option(body, 0, suspended ? "onlysuspended" : "onlyactive", "1");
        option(body, 1, "limitfrom", Integer.toString(limitFrom));
        option(body, 2, "limitnumber", Integer.toString(pageSize));
        return body.toString();
    }

    /** One user by id (core_user_get_users_by_field): a replay's fresh read of the person. */
    public String userById(long userId) {
        StringJoiner body = call("core_user_get_users_by_field");
        param(body, "field", "id");
        param(body, "values[0]", Long.toString(userId));
        return body.toString();
    }

    /** The courses where the user's enrolment is active now (core_enrol_get_users_courses), without user counts. */
    public String usersCourses(long userId) {
        StringJoiner body = call("core_enrol_get_users_courses");
        param(body, "userid", Long.toString(userId));
        param(body, "returnusercount", "0");
        return body.toString();
    }

    private StringJoiner call(String function) {
        StringJoiner body = new StringJoiner("&");
        param(body, "wstoken", token);
        param(body, "wsfunction", function);
        param(body, "moodlewsrestformat", "json");
        return body;
    }

    private static void option(StringJoiner body, int index, String name, String value) {
        param(body, "options[" + index + "][name]", name);
        param(body, "options[" + index + "][value]", value);
    }

    private static void param(StringJoiner body, String name, String value) {
        body.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
