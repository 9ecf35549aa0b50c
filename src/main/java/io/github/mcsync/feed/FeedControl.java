package io.github.mcsync.feed;

import io.github.mcsync.state.HaltStore;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the feed runs, and the history of polls. A systemic failure halts the feed: no record is
 * consumed or dead-lettered until an operator resumes (or the application restarts with new configuration).
 */
public final class FeedControl {
    private static final Logger LOG = LoggerFactory.getLogger(FeedControl.class);

    private final Clock clock;
    private final AtomicReference<String> halted = new AtomicReference<>();
    private final AtomicReference<String> paused = new AtomicReference<>();
    private volatile String lastPauseLogged;
    private final AtomicInteger polls = new AtomicInteger();
    private final AtomicReference<PollRun> last = new AtomicReference<>();
    private final FeedTotals totals;

    private final HaltStore haltStore;
    /** How a halt by Moodle (token, web-service access) begins its reason. */
    public static final String MOODLE_HALT = "Moodle refused";

    /** A feed whose halts last only as long as the process (tests of pure rules). */
    public FeedControl(Clock clock) {
        this(clock, null);
    }

    /**
     * A feed whose systemic halts are kept in the state database: a restart with the same configuration stays
     * halted (a --once run from cron never costs a second failed login); changed configuration resumes.
     */
    public FeedControl(Clock clock, HaltStore haltStore) {
        this.clock = clock;
        this.totals = new FeedTotals(clock.instant());
        this.haltStore = haltStore;
        if (haltStore != null) {
            haltStore.current().ifPresent(reason -> {
                halted.set(reason);
                LOG.error("Feed still halted from an earlier run: {}. Correct the configuration and restart, or resume"
                        + " (POST /api/resume) once it is fixed in CourseSales or Moodle.", reason);
            });
        }
    }

    public PollRun startPoll() {
        PollRun run = new PollRun(polls.incrementAndGet(), clock.instant(), totals);
        paused.set(null); // a configuration problem is checked again by every poll
        String reason = halted.get();
        if (reason != null) {
            run.halted(reason);
        }
        last.set(run);
        return run;
    }

    public PollRun lastPoll() {
        return last.get();
    }

    /** The figures of one replay request (number 0; not a poll, so not the last poll). */
    public PollRun startReplay() {
        return new PollRun(0, clock.instant(), totals);
    }

    /** Sent and dead-lettered since start, over polls and replays. */
    public FeedTotals totals() {
        return totals;
    }

    public boolean isRunning() {
        return halted.get() == null && paused.get() == null;
    }

    /** Halted by a systemic failure until an operator resumes (not merely paused by a configuration problem). */
    public boolean isHalted() {
        return halted.get() != null;
    }

    /** Why the feed does not run: halted (until resumed) or paused by a configuration problem (until the next poll). */
    /** Halted by a refused CourseSales login: every new try would cost a failed login. */
    public boolean loginRefused() {
        String h = halted.get();
        return h != null && (h.startsWith("AUTHENTICATION_FAILED") || h.startsWith("ACCOUNT_LOCKED"));
    }

    public String haltedReason() {
        String h = halted.get();
        return h != null ? h : paused.get();
    }

    /**
     * CourseSales' configuration is wrong for every record: consume nothing more in this poll. The reason is
     * logged once, not once per record or poll, until it changes.
     */
    public void pause(String reason) {
        paused.set(reason);
        if (!reason.equals(lastPauseLogged)) {
            lastPauseLogged = reason;
            LOG.error("Feed paused by a CourseSales configuration problem: {}. Nothing is consumed or dead-lettered;"
                    + " every poll checks again, and the feed resumes by itself once it is fixed.", reason);
        }
        PollRun run = last.get();
        if (run != null) {
            run.halted(reason);
        }
    }

    /** Halts the feed; logs the reason once, not once per record. */
    public void halt(String reason) {
        if (halted.compareAndSet(null, reason)) {
            if (haltStore != null) {
                haltStore.save(reason, reason.startsWith(MOODLE_HALT));
            }
            LOG.error("Feed halted: {}. No record is consumed until an operator resumes (POST /api/resume) or the"
                    + " application restarts with corrected configuration.", reason);
        }
        PollRun run = last.get();
        if (run != null) {
            run.halted(reason);
        }
    }

    /** A poll got through: a configuration problem seen before is gone (and is logged again if it returns). */
    public void configurationHealthy() {
        if (lastPauseLogged != null && paused.get() == null) {
            LOG.info("CourseSales configuration problem resolved: {}", lastPauseLogged);
            lastPauseLogged = null;
        }
    }

    public void resume() {
        String was = halted.getAndSet(null);
        if (haltStore != null) {
            haltStore.clear();
        }
        if (was != null) {
            LOG.info("Feed resumed (was halted: {})", was);
        }
    }

}
