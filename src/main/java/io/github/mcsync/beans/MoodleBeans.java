package io.github.mcsync.beans;

import io.github.mcsync.Settings;
import io.github.mcsync.moodle.CourseWatchList;
import io.github.mcsync.state.CourseMembers;
import io.github.mcsync.moodle.EnrolmentPages;
import io.github.mcsync.moodle.FreshEnrolments;
import io.github.mcsync.moodle.MoodleRequests;
import io.github.mcsync.moodle.MoodleResponses;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;

/** The Moodle REST source's beans (moodle.* properties): request bodies, the error-in-200 check, paging. */
public final class MoodleBeans implements CamelConfiguration {

    @BindToRegistry
    public CourseWatchList courseWatchList(Settings s) {
        return new CourseWatchList(CourseWatchList.parse(s.optional("moodle.courses").orElse("")));
    }

    /** With moodle.source=db the token is not required (the REST routes are not started then). */
    @BindToRegistry
    public MoodleRequests moodleRequests(Settings s, CourseWatchList courseWatchList) {
        String token = MoodleDbBeans.databaseSource(s) ? s.optionalSecret("moodle.token").orElse("")
                : s.secret("moodle.token");
        return new MoodleRequests(token, s.getInt("moodle.page-size"), courseWatchList.configured());
    }

    @BindToRegistry
    public MoodleResponses moodleResponses() {
        return new MoodleResponses();
    }

    @BindToRegistry
    public EnrolmentPages enrolmentPages(Settings s, CourseMembers courseMembers) {
        return new EnrolmentPages(roles(s), courseMembers);
    }

    /** The role shortnames of moodle.roles. */
    static Set<String> roles(Settings s) {
        return Arrays.stream(s.get("moodle.roles").split(",")).map(String::strip)
                .filter(x -> !x.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** A replay's fresh read over REST: today's user and course of a dead letter, or NO_LONGER_ENROLLED. */
    @BindToRegistry
    public FreshEnrolments freshEnrolments() {
        return new FreshEnrolments();
    }
}
