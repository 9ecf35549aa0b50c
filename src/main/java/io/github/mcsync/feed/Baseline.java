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
     * One course's enrolments as read by a poll: those of roles the course has no baseline for yet are recorded as
     * known (moodle.start=now); the others are returned, to be processed.
     */
    public List<Enrolment> unknownOnly(String source, long courseId, String shortname, List<Enrolment> enrolments,
                                       PollRun run) {
        if ("all".equals(start)) {
            return enrolments;
        }
        Set<String> missing = new LinkedHashSet<>(roles);
        missing.removeAll(state.baselinedRoles(source, courseId));
        if (missing.isEmpty()) {
            return enrolments;
        }
        if (missing.size() == roles.size() && state.baselineTaken(source) && deliveries.anyOfCourse(courseId)) {
            // a site-wide baseline of an earlier version already covered this course: keep sending what is new
            state.markCourseBaseline(source, courseId, missing, 0);
            return enrolments;
        }
        List<Enrolment> known = new ArrayList<>();
        List<Enrolment> rest = new ArrayList<>();
        for (Enrolment e : enrolments) {
            boolean onlyNewRoles = e.roles().stream().filter(roles::contains).allMatch(missing::contains);
            (onlyNewRoles ? known : rest).add(e);
        }
        int recorded = deliveries.baseline(known);
        state.markCourseBaseline(source, courseId, missing, recorded);
        run.baseline(recorded);
        LOG.info("Baseline (moodle.start=now) of course {} ({}), role(s) {}: {} enrolments already in Moodle recorded"
                        + " as known and not sent; enrolments made from now on will be sent", courseId, shortname,
                String.join(",", missing), recorded);
        return rest;
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
     * The same question without an answer's side effect (the preview): true when the next poll of this source would
     * be the baseline. Under moodle.start=all it never is ({@link #needed} only notes that the backfill began).
     */
    public boolean wouldTake(String source) {
        return "now".equals(start) && !state.baselineTaken(source);
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
