package io.github.mcsync.moodle;

import io.github.mcsync.ExchangeNames;
import io.github.mcsync.enrolment.Enrolment;
import io.github.mcsync.feed.PollRun;
import java.util.List;
import java.util.Set;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;

/** Bean for routes/moodle-ws-source.camel.yaml: starts, fills and flattens the per-course page collectors. */
public final class EnrolmentPages {
    public static final String VARIABLE = "courseEnrolments";

    private final Set<String> roles;
    private final int pageSize;

    public EnrolmentPages(Set<String> roles, int pageSize) {
        this.roles = Set.copyOf(roles);
        this.pageSize = pageSize;
    }

    public CourseEnrolments start(MoodleCourse course) {
        return new CourseEnrolments(course, roles, pageSize);
    }

    public void addPage(@Variable(VARIABLE) CourseEnrolments collector, List<MoodleUser> page) {
        collector.addPage(page);
    }

    /** Joins the courses' enrolment lists (one per course, in course order) and counts them in the poll. */
    public List<Enrolment> flatten(List<List<Enrolment>> perCourse,
                                   @ExchangeProperty(ExchangeNames.POLL_RUN) PollRun run) {
        List<Enrolment> all = perCourse.stream().flatMap(List::stream).toList();
        run.found(all.size());
        return all;
    }
}
