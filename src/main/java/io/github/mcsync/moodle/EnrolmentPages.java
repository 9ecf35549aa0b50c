package io.github.mcsync.moodle;

import io.github.mcsync.ExchangeNames;
import io.github.mcsync.enrolment.Enrolment;
import io.github.mcsync.feed.PollRun;
import java.util.List;
import java.util.Set;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;

/** Bean for routes/moodle-ws-source.camel.yaml: starts and fills the per-course page collectors, counts what they found. */
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

    /** Counts one course's enrolments in the poll. */
    public List<Enrolment> found(List<Enrolment> course, @ExchangeProperty(ExchangeNames.POLL_RUN) PollRun run) {
        run.found(course.size());
        return course;
    }
}
