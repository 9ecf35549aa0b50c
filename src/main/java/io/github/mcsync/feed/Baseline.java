package io.github.mcsync.feed;

import io.github.mcsync.enrolment.Enrolment;
import io.github.mcsync.state.Deliveries;
import io.github.mcsync.state.SourceState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
    public record Split(List<Enrolment> known, List<Enrolment> rest, Set<String> missing, boolean covered) {
    }

    /**
     * The decision of {@link #unknownOnly} without its writes (the preview asks it): which of one course's enrolments
     * its baseline would record as known.
     */
    public Split split(String source, long courseId, List<Enrolment> enrolments) {
        if ("all".equals(start)) {
            return new Split(List.of(), enrolments, Set.of(), false);
        }
        Set<String> missing = new LinkedHashSet<>(roles);
        missing.removeAll(state.baselinedRoles(source, courseId));
        if (missing.isEmpty()) {
            return new Split(List.of(), enrolments, Set.of(), false);
        }
        if (missing.size() == roles.size() && state.baselineTaken(source) && deliveries.anyOfCourse(courseId)) {
            // a site-wide baseline of an earlier version already covered this course: keep sending what is new
            return new Split(List.of(), enrolments, missing, true);
        }
        List<Enrolment> known = new ArrayList<>();
        List<Enrolment> rest = new ArrayList<>();
        for (Enrolment e : enrolments) {
            boolean onlyNewRoles = e.roles().stream().filter(roles::contains).allMatch(missing::contains);
            (onlyNewRoles ? known : rest).add(e);
        }
        return new Split(known, rest, missing, false);
    }

    /**
     * One course's enrolments as read by a poll: those of roles the course has no baseline for yet are recorded as
     * known (moodle.start=now); the others are returned, to be processed.
     */
    public List<Enrolment> unknownOnly(String source, long courseId, String shortname, List<Enrolment> enrolments,
                                       PollRun run) {
        Split split = split(source, courseId, enrolments);
        if (split.missing().isEmpty()) {
            return split.rest();
        }
        if (split.covered()) {
            state.markCourseBaseline(source, courseId, split.missing(), 0);
            return split.rest();
        }
        int recorded = deliveries.baseline(split.known());
        state.markCourseBaseline(source, courseId, split.missing(), recorded);
        run.baseline(recorded);
        LOG.info("Baseline (moodle.start=now) of course {} ({}), role(s) {}: {} enrolments already in Moodle recorded"
                        + " as known and not sent; enrolments made from now on will be sent", courseId, shortname,
                String.join(",", split.missing()), recorded);
        return split.rest();
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
