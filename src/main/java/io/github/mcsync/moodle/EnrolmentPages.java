package io.github.mcsync.moodle;

import io.github.mcsync.ExchangeNames;
import io.github.mcsync.enrolment.Enrolment;
import io.github.mcsync.enrolment.Membership;
import io.github.mcsync.feed.PollRun;
import io.github.mcsync.state.CourseMembers;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bean for routes/moodle-ws-source.camel.yaml: starts and fills the per-course page collectors, gives each active
 * enrolment the source reference of its generation (a re-enrolment is a new registration, see {@link Membership}),
 * and counts what a poll found.
 */
public final class EnrolmentPages {
    public static final String VARIABLE = "courseEnrolments";
    private static final Logger LOG = LoggerFactory.getLogger(EnrolmentPages.class);

    private final Set<String> roles;
    private final CourseMembers members;

    public EnrolmentPages(Set<String> roles, CourseMembers members) {
        this.roles = Set.copyOf(roles);
        this.members = members;
    }

    /** A collector for one read of the course; its spool is deleted when the exchange (the course's poll) ends. */
    public CourseEnrolments start(MoodleCourse course, Exchange exchange) {
        CourseEnrolments collector = new CourseEnrolments(course, roles);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                collector.close();
            }
        });
        return collector;
    }

    public void addPage(@Variable(VARIABLE) CourseEnrolments collector, List<MoodleUser> page) {
        collector.addPage(page);
    }

    /**
     * The course's active enrolments as the next poll would see them, recording nothing (direct:moodleCourseEnrolments,
     * which the preview calls too): a user the source saw leave the course gets the next generation's reference.
     */
    public SpooledEnrolments enrolments(@Variable(VARIABLE) CourseEnrolments collector) {
        if (collector.duplicates() > 0) {
            LOG.info("Course {}: {} user(s) listed twice while paging core_enrol_get_enrolled_users (the list changed"
                    + " during the read); each is taken once", collector.course().id(), collector.duplicates());
        }
        Map<Long, Membership> stored = members.of(collector.course().id());
        return collector.enrolments(user -> Membership.generationSeenNow(stored.get(user)));
    }

    /** True when users present at the last read are in neither list now: a second read confirms they left. */
    public boolean anyLeft(@Variable(VARIABLE) CourseEnrolments collector) {
        Set<Long> now = collector.enrolledUsers();
        return members.of(collector.course().id()).entrySet().stream()
                .anyMatch(m -> m.getValue().present() && !now.contains(m.getKey()));
    }

    /** The second read takes in the first: a user counts as gone only when both reads missed them. */
    public void confirmed(@Variable(VARIABLE) CourseEnrolments second, @Variable("firstRead") CourseEnrolments first) {
        second.absorb(first);
    }

    /**
     * Records the poll's read of the course (who is enrolled, who left) and returns its active enrolments with the
     * references of their generations.
     */
    public SpooledEnrolments observe(@Variable(VARIABLE) CourseEnrolments collector) {
        long course = collector.course().id();
        Map<Long, Membership> before = members.of(course);
        Map<Long, Membership> after = members.observe(course, collector.enrolledUsers());
        List<Long> left = after.entrySet().stream()
                .filter(m -> !m.getValue().present() && before.containsKey(m.getKey()) && before.get(m.getKey()).present())
                .map(Map.Entry::getKey).sorted().toList();
        if (!left.isEmpty()) {
            LOG.info("Course {}: user(s) {} no longer enrolled (unenrolled); enrolled again later, each is registered"
                    + " again with a new source reference", course,
                    left.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        return collector.enrolments(user -> after.get(user).generation());
    }

    /** Counts one course's enrolments in the poll. */
    public Collection<Enrolment> found(Collection<Enrolment> course, @ExchangeProperty(ExchangeNames.POLL_RUN) PollRun run) {
        run.found(course.size());
        return course;
    }
}
