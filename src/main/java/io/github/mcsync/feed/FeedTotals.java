package io.github.mcsync.feed;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Records sent and dead-lettered since the application started, over every poll and replay (GET /api/status). */
public final class FeedTotals {
    private final Instant since;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();

    public FeedTotals(Instant since) {
        this.since = since;
    }

    void sent() {
        sent.incrementAndGet();
    }

    void deadLettered() {
        deadLettered.incrementAndGet();
    }

    public Instant since() {
        return since;
    }

    public long sentCount() {
        return sent.get();
    }

    public long deadLetteredCount() {
        return deadLettered.get();
    }
}
