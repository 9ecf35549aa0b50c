package io.github.mcsync.feed;

import io.github.mcsync.ExchangeNames;
import io.github.mcsync.deadletter.DeadLetterStore;
import io.github.mcsync.enrolment.Enrolment;
import io.github.mcsync.increment.BatchPlan;
import io.github.mcsync.increment.EnrolmentRules;
import io.github.mcsync.increment.EnrolmentRules.Verdict;
import io.github.mcsync.moodle.db.EnrolmentRows;
import io.github.mcsync.state.DbSourceState;
import io.github.mcsync.state.Deliveries;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bean of routes/moodle-db-source.camel.yaml: the database source's polls, batch by batch. Each batch reads the
 * user_enrolments rows above the high-water mark (and, with the first batch, the pending rows), decides each row by
 * {@link EnrolmentRules}, hands the active ones to direct:processEnrolments, and then moves the mark as far as
 * {@link BatchPlan} allows: past the rows delivered, dead-lettered or recorded as pending, never past one that is not.
 */
public final class DatabasePolls {
    private static final Logger LOG = LoggerFactory.getLogger(DatabasePolls.class);

    private final String start;
    private final int batchSize;
    private final EnrolmentRules rules;
    private final DbSourceState state;
    private final Deliveries deliveries;
    private final DeadLetterStore deadLetters;
    private final FeedControl feed;
    private final Clock clock;

    public DatabasePolls(String start, int batchSize, EnrolmentRules rules, DbSourceState state, Deliveries deliveries,
                         DeadLetterStore deadLetters, FeedControl feed, Clock clock) {
        if (!"now".equals(start) && !"all".equals(start)) {
            throw new IllegalArgumentException("moodle.start must be 'now' or 'all', was '" + start + "'");
        }
        if (batchSize < 1) {
            throw new IllegalStateException("Configuration moodle.db.batch-size must be at least 1, was " + batchSize);
        }
        this.start = start;
        this.batchSize = batchSize;
        this.rules = rules;
        this.state = state;
        this.deliveries = deliveries;
        this.deadLetters = deadLetters;
        this.feed = feed;
        this.clock = clock;
    }

    /**
     * Starts a poll from the state database. Before the first start took its mark: with moodle.start=now this poll is
     * the baseline (it reads every row, sends none, and records the rows not active yet as pending), also while the
     * feed is halted (it is a read of Moodle only); with all it starts from the first row (backfill).
     */
    public DatabasePoll start(@ExchangeProperty(ExchangeNames.POLL_RUN) PollRun run) {
        var mark = state.mark();
        boolean baseline = mark.isEmpty() && "now".equals(start);
        if (mark.isEmpty() && !baseline) {
            LOG.info("moodle.start=all: every enrolment active in Moodle will be sent (backfill)");
        }
        int restKeys = mark.isEmpty() ? state.restSourceKeys() : 0;
        if (restKeys > 0) {
            // keys are never switched silently: the database source's are moodle:ue:<user_enrolments.id>
            LOG.warn("This state database holds {} registrations made by the REST source (keys moodle:c<course>:u<user>);"
                    + " the database source keys enrolments as moodle:ue:<user_enrolments.id>, so they are not"
                    + " recognised as sent: {}", restKeys, baseline
                    ? "moodle.start=now records the enrolments already in Moodle as known, so none is sent again"
                    : "with moodle.start=all every active enrolment is sent again: stop now and set moodle.start=now"
                    + " (with an empty db_source_mark table) to switch sources without duplicates");
        }
        return new DatabasePoll(run, baseline, start, mark.orElse(0L), mark.isEmpty() ? List.of() : state.pending(),
                batchSize);
    }

    /** Reads the poll: a baseline always, otherwise while the feed runs (a halted feed reads nothing). */
    public boolean reads(@Variable(DatabasePoll.VARIABLE) DatabasePoll poll) {
        return poll.baseline() || feed.isRunning();
    }

    /** The rows of one batch's query: the plan of the batch. */
    public void read(@Variable(DatabasePoll.VARIABLE) DatabasePoll poll, List<Map<String, Object>> rows) {
        long now = clock.instant().getEpochSecond();
        List<Long> batchIds = new ArrayList<>();
        Set<Long> pendingRead = new HashSet<>(poll.batches() == 0 ? pendingIds(poll) : List.of());
        Map<Long, Verdict> verdicts = new HashMap<>();
        Map<Long, String> reasons = new HashMap<>();
        Map<Long, Enrolment> enrolments = new LinkedHashMap<>();
        for (EnrolmentRows.Read r : EnrolmentRows.read(rows)) {
            long id = r.row().enrolmentId();
            if (id > poll.mark()) {
                batchIds.add(id);
            }
            Verdict v = r.enrolment() == null ? Verdict.NEVER : rules.verdict(r.row(), now);
            verdicts.put(id, v);
            if (v == Verdict.WAITING) {
                reasons.put(id, EnrolmentRules.waitingReason(r.row(), now));
            }
            if (v == Verdict.ACTIVE) {
                enrolments.put(id, r.enrolment());
            }
        }
        poll.read(new BatchPlan(poll.mark(), batchSize, batchIds, pendingRead, verdicts, reasons), enrolments);
    }

    private static List<Long> pendingIds(DatabasePoll poll) {
        @SuppressWarnings("unchecked")
        List<Long> ids = (List<Long>) poll.query().get("pendingIds");
        return ids.stream().filter(id -> id != DatabasePoll.NO_ID).toList();
    }

    /** The rows of the profile query: each enrolment to send gets its user's custom profile fields. */
    public void profiles(@Variable(DatabasePoll.VARIABLE) DatabasePoll poll, List<Map<String, Object>> rows) {
        Map<Long, Map<String, String>> byUser = EnrolmentRows.profiles(rows);
        poll.enrolments.replaceAll((id, e) -> EnrolmentRows.withProfile(e, byUser.getOrDefault(e.userId(), Map.of())));
    }

    /** The batch's enrolments to send (for direct:processEnrolments), counted as found in the poll. */
    public List<Enrolment> sending(@Variable(DatabasePoll.VARIABLE) DatabasePoll poll) {
        List<Enrolment> out = poll.sending();
        poll.run().found(out.size());
        return out;
    }

    /**
     * After direct:processEnrolments: moves the mark past what is handled and records the pending rows, in one
     * transaction; another batch follows when this one was full, settled completely and the feed still runs.
     */
    public void settle(@Variable(DatabasePoll.VARIABLE) DatabasePoll poll) {
        BatchPlan plan = poll.plan;
        Map<String, Long> byKey = new HashMap<>();
        for (Long id : plan.toSend()) {
            byKey.put(poll.enrolments.get(id).sourceReference(), id);
        }
        Set<String> settled = new HashSet<>(deliveries.doneAmong(byKey.keySet()));
        settled.addAll(deadLetters.parkedAmong(byKey.keySet()));
        Set<Long> handled = new HashSet<>();
        settled.forEach(ref -> handled.add(byKey.get(ref)));
        BatchPlan.Settlement s = plan.settle(handled);
        boolean changed = s.mark() != plan.mark() || !s.addPending().isEmpty() || !s.dropPending().isEmpty()
                || state.mark().isEmpty();
        if (changed) {
            state.settle(s.mark(), poll.started(), s.addPending(), s.dropPending());
        }
        poll.advanced(s.mark(), plan.full() && s.complete() && feed.isRunning());
    }

    /** A batch of the baseline: counts the active rows as known and collects the rows not active yet. */
    public void baseline(@Variable(DatabasePoll.VARIABLE) DatabasePoll poll) {
        BatchPlan.Settlement s = poll.plan.baseline();
        poll.baselinePending.putAll(s.addPending());
        poll.baselineKnown += poll.plan.activeInBatch();
        poll.advanced(s.mark(), poll.plan.full());
    }

    /** Ends the poll: a baseline that read every row is recorded (mark and pending rows) in one transaction. */
    public void finish(@Variable(DatabasePoll.VARIABLE) DatabasePoll poll) {
        if (!poll.baseline()) {
            return;
        }
        state.settle(poll.mark(), poll.started(), poll.baselinePending, List.of());
        poll.run().baseline(poll.baselineKnown);
        LOG.info("Baseline (moodle.start=now): {} active enrolments already in Moodle (user_enrolments up to id {}) recorded"
                + " as known and not sent; {} not active yet are watched and sent once active; enrolments made from"
                + " now on will be sent", poll.baselineKnown, poll.mark(), poll.baselinePending.size());
    }
}
