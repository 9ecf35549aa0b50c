package io.github.mcsync.feed;

import io.github.mcsync.enrolment.Enrolment;
import io.github.mcsync.increment.BatchPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One poll of the database source, batch by batch (the route variable {@code dbPoll}): where the next batch starts,
 * the batch being processed, and, at the first start with moodle.start=now, the baseline taken so far.
 */
public final class DatabasePoll {
    public static final String VARIABLE = "dbPoll";
    /** Never a user_enrolments id: keeps the query's IN list valid when nothing is pending. */
    static final long NO_ID = -1;

    private final PollRun run;
    private final boolean baseline;
    private final String started;
    private final int batchSize;
    private long mark;
    private List<Long> pendingToRead;
    private boolean more = true;
    private int batches;
    BatchPlan plan;
    final Map<Long, Enrolment> enrolments = new LinkedHashMap<>();
    // the baseline's state, written once it has read every row
    final Map<Long, String> baselinePending = new TreeMap<>();
    int baselineKnown;

    DatabasePoll(PollRun run, boolean baseline, String started, long mark, List<Long> pending, int batchSize) {
        this.run = run;
        this.baseline = baseline;
        this.started = started;
        this.mark = mark;
        this.pendingToRead = List.copyOf(pending);
        this.batchSize = batchSize;
    }

    /** The parameters of the next batch's query: mark, batchSize and pendingIds (read with the first batch only). */
    public Map<String, Object> query() {
        List<Long> ids = new ArrayList<>();
        ids.add(NO_ID);
        ids.addAll(pendingToRead);
        return Map.of("mark", mark, "batchSize", batchSize, "pendingIds", ids);
    }

    /** The users whose custom profile fields the batch needs: those of the enrolments it sends. */
    public Set<Long> profileUsers() {
        Set<Long> users = new TreeSet<>();
        if (!baseline) {
            plan.toSend().forEach(id -> users.add(enrolments.get(id).userId()));
        }
        return users;
    }

    public boolean needsProfiles() {
        return !profileUsers().isEmpty();
    }

    public Map<String, Object> profileQuery() {
        return Map.of("userIds", List.copyOf(profileUsers()));
    }

    /** This poll takes the first start's baseline (moodle.start=now): nothing is sent. */
    public boolean baseline() {
        return baseline;
    }

    /** Another batch follows: the last one was full and settled completely. */
    public boolean more() {
        return more;
    }

    public PollRun run() {
        return run;
    }

    String started() {
        return started;
    }

    long mark() {
        return mark;
    }

    int batches() {
        return batches;
    }

    void read(BatchPlan plan, Map<Long, Enrolment> enrolments) {
        this.plan = plan;
        this.enrolments.clear();
        this.enrolments.putAll(enrolments);
        this.pendingToRead = List.of();
        batches++;
    }

    void advanced(long newMark, boolean continueAfter) {
        mark = newMark;
        more = continueAfter;
    }

    List<Enrolment> sending() {
        return plan.toSend().stream().map(enrolments::get).toList();
    }
}
