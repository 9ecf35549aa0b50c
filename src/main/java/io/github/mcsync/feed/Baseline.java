package io.github.mcsync.feed;

import io.github.mcsync.enrolment.Enrolment;
import io.github.mcsync.state.Deliveries;
import io.github.mcsync.state.SourceState;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First start on a site with history. {@code moodle.start=now} (default): the first successful poll records
 * every enrolment already there as known without sending it, so only enrolments made from then on are sent.
 * {@code moodle.start=all}: backfill everything currently enrolled.
 */
public final class Baseline {
    private static final Logger LOG = LoggerFactory.getLogger(Baseline.class);

    private final String start;
    private final SourceState state;
    private final Deliveries deliveries;

    public Baseline(String start, SourceState state, Deliveries deliveries) {
        if (!"now".equals(start) && !"all".equals(start)) {
            throw new IllegalArgumentException("moodle.start must be 'now' or 'all', was '" + start + "'");
        }
        this.start = start;
        this.state = state;
        this.deliveries = deliveries;
    }

    /** True when this poll is the baseline: its enrolments are recorded, not sent. */
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

    public void take(String source, List<Enrolment> enrolments, PollRun run) {
        int recorded = deliveries.baseline(enrolments);
        state.markBaseline(source, recorded);
        run.baseline(recorded);
        LOG.info("Baseline (moodle.start=now): {} enrolments already in Moodle recorded as known and not sent;"
                + " enrolments made from now on will be sent", recorded);
    }
}
