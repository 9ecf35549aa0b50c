package io.github.mcsync.deadletter;

import io.github.mcsync.ExchangeNames;
import io.github.mcsync.enrolment.Enrolment;
import io.github.mcsync.feed.FeedControl;
import io.github.mcsync.state.Deliveries;
import java.util.List;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decisions of a replay (the flow is routes/replay.camel.yaml): whether a dead letter is sent again, and
 * what came of it. A row is replayed only while open (NEW); a key already done is not sent again, its row is
 * marked REPLAYED with the existing document; nothing is sent while CourseSales refuses our login (a replay
 * never tries a refused login again: CourseSales locks a login after three). A replay needs no Moodle call,
 * and it checks CourseSales' configuration afresh, so neither a Moodle halt nor a configuration pause stops it. A row being replayed is
 * REPLAY_REQUESTED, so a second replay of it at the same time sends nothing (IN_PROGRESS); a replay cut off by
 * a stop is reopened at the next start ({@link DeadLetterStore#reopenInterruptedReplays()}).
 */
public final class DeadLetterReplay {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterReplay.class);

    private final DeadLetterStore store;
    private final Deliveries deliveries;
    private final FeedControl feed;

    public DeadLetterReplay(DeadLetterStore store, Deliveries deliveries, FeedControl feed) {
        this.store = store;
        this.deliveries = deliveries;
        this.feed = feed;
    }

    /** One dead letter on its way through a replay: {@code enrolment} is null when it is not sent. */
    public record Attempt(long id, String sourceReference, Enrolment enrolment, ReplayOutcome decided) {
        public boolean send() {
            return enrolment != null;
        }
    }

    /** Decides whether the dead letter is sent again; when it is, marks it REPLAY_REQUESTED. */
    public Attempt begin(long id) {
        DeadLetter d = store.find(id).orElse(null);
        if (d == null) {
            return new Attempt(id, null, null, new ReplayOutcome(id, null, ReplayOutcome.NOT_FOUND, null, null, null));
        }
        String ref = d.sourceReference();
        switch (d.status()) {
            case DeadLetter.DISCARDED:
                return decided(d, ReplayOutcome.DISCARDED, null);
            case DeadLetter.REPLAYED:
                return decided(d, ReplayOutcome.ALREADY_DELIVERED, d.resolvedDocumentId());
            case DeadLetter.REPLAY_REQUESTED:
                return decided(d, ReplayOutcome.IN_PROGRESS, null);
            default:
                break;
        }
        if (deliveries.isDone(ref)) {
            String document = deliveries.documentOf(ref).orElse(null);
            store.markReplayed(ref, document);
            return decided(d, ReplayOutcome.ALREADY_DELIVERED, document);
        }
        if (feed.loginRefused()) {
            return new Attempt(id, ref, null, new ReplayOutcome(id, ref, ReplayOutcome.FEED_HALTED, null,
                    feed.haltedReason(), null));
        }
        if (!store.requestReplay(id)) {
            return decided(d, ReplayOutcome.IN_PROGRESS, null); // another replay took it meanwhile
        }
        return new Attempt(id, ref, store.payload(d), null);
    }

    /** What came of the attempt, read back from the store after the record went through the flow. */
    public ReplayOutcome outcome(@ExchangeProperty(ExchangeNames.REPLAY) Attempt attempt) {
        if (attempt.decided() != null) {
            return attempt.decided();
        }
        DeadLetter d = store.find(attempt.id()).orElseThrow();
        switch (d.status()) {
            case DeadLetter.REPLAYED:
                return outcome(d, ReplayOutcome.DELIVERED, d.resolvedDocumentId());
            case DeadLetter.NEW:
                return new ReplayOutcome(d.id(), d.sourceReference(), ReplayOutcome.FAILED_AGAIN, d.reasonCode(),
                        d.reasonText(), null);
            default:
                // neither delivered nor dead-lettered again: a refused login halted the feed, or a CourseSales
                // configuration problem paused it; the dead letter waits for the next replay
                store.reopen(d.id());
                return new ReplayOutcome(d.id(), d.sourceReference(),
                        feed.isHalted() ? ReplayOutcome.HALTED : ReplayOutcome.PAUSED, null, feed.haltedReason(), null);
        }
    }

    /** Logs one line for the replay request and answers its report. */
    public ReplayReport report(List<ReplayOutcome> outcomes) {
        ReplayReport report = ReplayReport.of(outcomes);
        LOG.info("Replay of {} dead letters: {}", report.requested(), report.counts());
        return report;
    }

    private static Attempt decided(DeadLetter d, String outcome, String document) {
        return new Attempt(d.id(), d.sourceReference(), null, outcome(d, outcome, document));
    }

    private static ReplayOutcome outcome(DeadLetter d, String outcome, String document) {
        return new ReplayOutcome(d.id(), d.sourceReference(), outcome, null, null, document);
    }
}
