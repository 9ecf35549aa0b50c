package io.github.mcsync.feed;

import java.time.Clock;
import java.time.Instant;
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
    private final AtomicInteger polls = new AtomicInteger();
    private final AtomicReference<PollRun> last = new AtomicReference<>();

    public FeedControl(Clock clock) {
        this.clock = clock;
    }

    public PollRun startPoll() {
        PollRun run = new PollRun(polls.incrementAndGet(), clock.instant());
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

    public boolean isRunning() {
        return halted.get() == null;
    }

    public String haltedReason() {
        return halted.get();
    }

    /** Halts the feed; logs the reason once, not once per record. */
    public void halt(String reason) {
        if (halted.compareAndSet(null, reason)) {
            LOG.error("Feed halted: {}. No record is consumed until an operator resumes (POST /api/resume) or the"
                    + " application restarts with corrected configuration.", reason);
        }
        PollRun run = last.get();
        if (run != null) {
            run.halted(reason);
        }
    }

    public void resume() {
        String was = halted.getAndSet(null);
        if (was != null) {
            LOG.info("Feed resumed (was halted: {})", was);
        }
    }

    public Instant now() {
        return clock.instant();
    }
}
