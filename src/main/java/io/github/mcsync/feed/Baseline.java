package io.github.mcsync.feed;

import io.github.mcsync.enrolment.Enrolment;
import io.github.mcsync.state.Deliveries;
import io.github.mcsync.state.SourceState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What is new on a site with history. {@code moodle.start=now} (default): the first time a course is seen, every
 * enrolment already in it is recorded as known without being sent (its baseline), so only enrolments made from then
 * on are sent. Each course has its own baseline, per role of {@code moodle.roles}: a course that enters the watch
 * list later (made visible, added to {@code moodle.courses}) or a role added later is baselined when first seen
 * instead of backfilling its history. {@code moodle.start=all}: backfill everything currently enrolled.
 */
public final class Baseline {
    private static final Logger LOG = LoggerFactory.getLogger(Baseline.class);

    private final String start;
    private final Set<String> roles;
    private final SourceState state;
    private final Deliveries deliveries;

    public Baseline(String start, Set<String> roles, SourceState state, Deliveries deliveries) {
        if (!"now".equals(start) && !"all".equals(start)) {
            throw new IllegalArgumentException("moodle.start must be 'now' or 'all', was '" + start + "'");
        }
        this.start = start;
        this.roles = Set.copyOf(roles);
        this.state = state;
        this.deliveries = deliveries;
    }

    /**
     * What a course's baseline would make of its enrolments, decided and not yet written.
     *
     * @param known   recorded as known, not sent (roles the course has no baseline for yet)
     * @param rest    processed as usual
     * @param missing the roles whose baseline this takes (empty: none is taken)
     * @param covered true when a site-wide baseline of an earlier version covered the course: the missing roles are
     *                only noted, nothing is recorded as known
     */
    public record Split(Collection<Enrolment> known, Collection<Enrolment> rest, Set<String> missing, boolean covered) {
    }

    /** The roles a course's baseline would take now (empty: none), and whether an earlier site-wide one covered it. */
    private record Plan(Set<String> missing, boolean covered) {
    }

    private Plan plan(String source, long courseId) {
        if ("all".equals(start)) {
            return new Plan(Set.of(), false);
        }
        Set<String> missing = new LinkedHashSet<>(roles);
        missing.removeAll(state.baselinedRoles(source, courseId));
        if (missing.isEmpty()) {
            return new Plan(Set.of(), false);
        }
        // a site-wide baseline of an earlier version already covered this course: keep sending what is new
        boolean covered = missing.size() == roles.size() && state.baselineTaken(source) && deliveries.anyOfCourse(courseId);
        return new Plan(missing, covered);
    }

    /** True for an enrolment the baseline records as known: every configured role it holds is one being baselined. */
    private boolean known(Enrolment e, Set<String> missing) {
        return e.roles().stream().filter(roles::contains).allMatch(missing::contains);
    }

    /**
     * The decision of {@link #unknownOnly} without its writes (the preview asks it): which of one course's enrolments
     * its baseline would record as known.
     */
    public Split split(String source, long courseId, Collection<Enrolment> enrolments) {
        Plan plan = plan(source, courseId);
        if (plan.missing().isEmpty() || plan.covered()) {
            return new Split(List.of(), enrolments, plan.missing(), plan.covered());
        }
        List<Enrolment> known = new ArrayList<>();
        List<Enrolment> rest = new ArrayList<>();
        for (Enrolment e : enrolments) {
            (known(e, plan.missing()) ? known : rest).add(e);
        }
        return new Split(known, rest, plan.missing(), false);
    }

    /**
     * One course's enrolments as read by a poll: those of roles the course has no baseline for yet are recorded as
     * known (moodle.start=now); the others are returned, to be processed. Goes through them, never holds them: what
     * it returns is gone through again (a course's enrolments are spooled, see moodle.SpooledEnrolments).
     */
    public Iterable<Enrolment> unknownOnly(String source, long courseId, String shortname, Iterable<Enrolment> enrolments,
                                           PollRun run) {
        Plan plan = plan(source, courseId);
        if (plan.missing().isEmpty()) {
            return enrolments;
        }
        if (plan.covered()) {
            state.markCourseBaseline(source, courseId, plan.missing(), 0);
            return enrolments;
        }
        int recorded = deliveries.baseline(only(enrolments, e -> known(e, plan.missing())));
        state.markCourseBaseline(source, courseId, plan.missing(), recorded);
        run.baseline(recorded);
        LOG.info("Baseline (moodle.start=now) of course {} ({}), role(s) {}: {} enrolments already in Moodle recorded"
                        + " as known and not sent; enrolments made from now on will be sent", courseId, shortname,
                String.join(",", plan.missing()), recorded);
        return only(enrolments, e -> !known(e, plan.missing()));
    }

    private static Iterable<Enrolment> only(Iterable<Enrolment> enrolments, Predicate<Enrolment> test) {
        return () -> StreamSupport.stream(enrolments.spliterator(), false).filter(test).iterator();
    }

    /** A source with one site-wide baseline (the database source): true when this poll is the baseline. */
    public boolean needed(String source) {
        if (state.baselineTaken(source)) {
            return false;
        }
        if ("all".equals(start)) {
            state.markBaseline(source, 0);
            LOG.info("moodle.start=all: every enrolment currently in Moodle will be sent (backfill)");
            return false;
        }
        return true;
    }

    /**
     * True when the next poll would take this course's first baseline (it has none yet, moodle.start=now): a poll while
     * CourseSales is halted or paused still reads such a course (routes/moodle-ws-source.camel.yaml).
     */
    public boolean wouldTake(String source, long courseId) {
        return "now".equals(start) && state.baselinedRoles(source, courseId).isEmpty()
                && !(state.baselineTaken(source) && deliveries.anyOfCourse(courseId));
    }

    /** The site-wide baseline of a source (the database source): its enrolments are recorded, not sent. */
    public void take(String source, List<Enrolment> enrolments, PollRun run) {
        int recorded = deliveries.baseline(enrolments);
        state.markBaseline(source, recorded);
        run.baseline(recorded);
        LOG.info("Baseline (moodle.start=now): {} enrolments already in Moodle recorded as known and not sent;"
                + " enrolments made from now on will be sent", recorded);
    }
}
