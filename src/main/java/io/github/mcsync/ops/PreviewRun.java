package io.github.mcsync.ops;

import io.github.mcsync.enrolment.identity.TentativeAssignments;
import io.github.mcsync.feed.PollRun;
import io.github.mcsync.ops.PreviewReport.Row;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One preview on its way through routes/preview.camel.yaml (the exchange property {@code preview}): the rows so far,
 * and whether the poll it stands for would have stopped (a pause or a halt: the rest stays at its source).
 * Its {@link PollRun} is a poll of its own (number 0, own totals): it never counts in the feed's figures.
 */
public final class PreviewRun {
    private final Instant startedAt;
    private final PollRun pollRun;
    private final TentativeAssignments identities;
    private final List<Row> rows = Collections.synchronizedList(new ArrayList<>());
    private volatile String stoppedBy;
    private volatile String haltedReason;
    private volatile String moodleFailure;
    private volatile boolean baseline;

    PreviewRun(Instant startedAt, TentativeAssignments identities) {
        this.startedAt = startedAt;
        this.pollRun = new PollRun(0, startedAt);
        this.identities = identities;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** For the routes the preview shares with the poll (the figures of the read, refresh-once-per-poll). */
    public PollRun pollRun() {
        return pollRun;
    }

    /** The dry run's client identifiers (the property dryRun of the validate route). */
    public TentativeAssignments identities() {
        return identities;
    }

    /** Null while Moodle was read; else why it could not be. */
    public String moodleFailure() {
        return moodleFailure;
    }

    void add(Row row) {
        rows.add(row);
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    void stop(String why) {
        if (stoppedBy == null) {
            stoppedBy = why;
        }
    }

    String stoppedBy() {
        return stoppedBy;
    }

    void halted(String reason) {
        haltedReason = reason;
    }

    String haltedReason() {
        return haltedReason;
    }

    void moodleFailed(String reason) {
        moodleFailure = reason;
    }

    void baseline() {
        baseline = true;
    }

    boolean isBaseline() {
        return baseline;
    }
}
