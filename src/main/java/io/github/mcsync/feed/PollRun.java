package io.github.mcsync.feed;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The figures of one poll, shared by the split's records (an exchange property), summarised in one line:
 * {@code poll 1: 6 new, 6 sent, 0 dead-lettered}.
 */
public final class PollRun {
    private final int number;
    private final Instant startedAt;
    private final AtomicInteger found = new AtomicInteger();
    private final AtomicInteger fresh = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger deadLettered = new AtomicInteger();
    private final AtomicInteger parked = new AtomicInteger();
    private volatile Integer baseline;
    private volatile String failure;
    private volatile String halted;
    private final FeedTotals totals;

    public PollRun(int number, Instant startedAt) {
        this(number, startedAt, new FeedTotals(startedAt));
    }

    /** A run whose sent and dead-lettered records also count in the application's totals. */
    public PollRun(int number, Instant startedAt, FeedTotals totals) {
        this.number = number;
        this.startedAt = startedAt;
        this.totals = totals;
    }

    public void found(int n) {
        found.addAndGet(n);
    }

    public void fresh() {
        fresh.incrementAndGet();
    }

    /** A new record the feed stopped before (halted or paused): it stays waiting at its source, not "new" in this poll. */
    public void returnedToSource() {
        fresh.decrementAndGet();
    }

    public void sent() {
        sent.incrementAndGet();
        totals.sent();
    }

    public void deadLettered() {
        deadLettered.incrementAndGet();
        totals.deadLettered();
    }

    public void parked() {
        parked.incrementAndGet();
    }

    /** Adds {@code n} enrolments recorded as known by a baseline (one per course that needed one). */
    public synchronized void baseline(int n) {
        baseline = baseline == null ? n : baseline + n;
    }

    public void failed(String reason) {
        failure = reason;
    }

    public void halted(String reason) {
        halted = reason;
    }

    public int number() {
        return number;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public int sentCount() {
        return sent.get();
    }

    public int deadLetteredCount() {
        return deadLettered.get();
    }

    public int freshCount() {
        return fresh.get();
    }

    public int foundCount() {
        return found.get();
    }

    /** Enrolments skipped because they wait in the dead-letter store. */
    public int parkedCount() {
        return parked.get();
    }

    /** Existing enrolments recorded as known by this poll's baseline; null when it took none. */
    public Integer baselineCount() {
        return baseline;
    }

    public String failure() {
        return failure;
    }

    public String haltedReason() {
        return halted;
    }

    /** Nothing failed: the poll ran, nothing was dead-lettered, the feed is not halted. */
    public boolean ok() {
        return failure == null && halted == null && deadLettered.get() == 0;
    }

    public String outcome() {
        return failure != null ? "FAILED" : halted != null ? "HALTED" : deadLettered.get() > 0 ? "DEAD_LETTERS" : "OK";
    }

    public String summary() {
        if (failure != null) {
            return "poll " + number + ": failed, nothing sent: " + failure;
        }
        StringBuilder s = new StringBuilder("poll " + number + ": ");
        if (baseline != null) {
            s.append("baseline, ").append(baseline).append(" existing enrolments recorded as known (moodle.start=now), ");
        }
        s.append(fresh.get()).append(" new, ").append(sent.get()).append(" sent, ")
                .append(deadLettered.get()).append(" dead-lettered");
        if (parked.get() > 0) {
            s.append(", ").append(parked.get()).append(" waiting in dead letters");
        }
        if (halted != null) {
            s.append("; feed halted: ").append(halted);
        }
        return s.toString();
    }
}
