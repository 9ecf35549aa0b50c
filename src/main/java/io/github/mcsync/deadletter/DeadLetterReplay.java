package io.github.mcsync.deadletter;

import io.github.mcsync.ExchangeNames;
import io.github.mcsync.enrolment.Enrolment;
import io.github.mcsync.enrolment.FreshRead;
import io.github.mcsync.failure.Failure;
import io.github.mcsync.failure.FailureClassifier;
import io.github.mcsync.failure.ReasonCode;
import io.github.mcsync.feed.FeedControl;
import io.github.mcsync.state.Deliveries;
import java.time.Duration;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decisions of a replay (the flow is routes/replay.camel.yaml): whether a dead letter is sent again, and
 * what came of it. A row is replayed only while open (NEW); a key already done is not sent again, its row is
 * marked REPLAYED with the existing document; nothing is sent while CourseSales refuses our login (a replay
 * never tries a refused login again: CourseSales locks a login after three). A replay reads the enrolment again
 * at its source first ({@link FreshRead}): today's values are validated (with fresh CourseSales metadata) and sent,
 * an enrolment no longer active is not sent and its dead letter says so (NO_LONGER_ENROLLED), and while the source
 * cannot be read the dead letter waits (MOODLE_UNAVAILABLE). A row being replayed is REPLAY_REQUESTED, so a second
 * replay of it at the same time sends nothing (IN_PROGRESS); a replay that fails outside the record's own error
 * handling reopens its row at once (INTERRUPTED), and one cut off by a stop or a crash is reopened at the next start
 * and, while the service runs, once it is older than {@code replay.reopen-after}
 * ({@link DeadLetterStore#reopenInterruptedReplays()}, {@link DeadLetterStore#reopenStaleReplays}).
 */
public final class DeadLetterReplay {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterReplay.class);

    private final DeadLetterStore store;
    private final Deliveries deliveries;
    private static final String TOKEN_REFUSED = "MOODLE_INVALIDTOKEN";
    private static final String ACCESS_REFUSED = "MOODLE_ACCESSEXCEPTION";

    private final FeedControl feed;
    private final FailureClassifier classifier;
    private final Duration reopenAfter;

    /** @param reopenAfter how long a row may stay REPLAY_REQUESTED before it counts as cut off ({@code replay.reopen-after}) */
    public DeadLetterReplay(DeadLetterStore store, Deliveries deliveries, FeedControl feed, FailureClassifier classifier,
                            Duration reopenAfter) {
        this.store = store;
        this.deliveries = deliveries;
        this.feed = feed;
        this.classifier = classifier;
        this.reopenAfter = reopenAfter;
    }

    /** The periodic check (routes/replay.camel.yaml): rows REPLAY_REQUESTED for longer than replay.reopen-after wait again. */
    public int reopenStale() {
        int reopened = store.reopenStaleReplays(reopenAfter);
        if (reopened > 0) {
            LOG.warn("{} dead letters were REPLAY_REQUESTED for longer than replay.reopen-after ({}): their replay was"
                    + " cut off, they wait as NEW again", reopened, reopenAfter);
        }
        return reopened;
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

    /**
     * The enrolment as its source has it today: sent on (today's values, or the stored ones where the source has no
     * fresh read), or not sent: no longer enrolled (the dead letter counts the attempt and says why) or the source
     * cannot be read now (the dead letter waits as NEW).
     */
    public Attempt refreshed(@ExchangeProperty(ExchangeNames.REPLAY) Attempt attempt, FreshRead read) {
        if (read.send()) {
            return new Attempt(attempt.id(), attempt.sourceReference(), read.enrolment(), null);
        }
        if (FreshRead.NO_LONGER_ENROLLED.equals(read.status())) {
            String code = ReasonCode.NO_LONGER_ENROLLED.name();
            store.write(attempt.enrolment(), "replay", code, read.reason());
            LOG.warn("Replay of dead letter {} ({}): no longer enrolled in Moodle, not sent (GET /api/dead-letters/{}"
                    + " says why)", attempt.id(), attempt.sourceReference(), attempt.id());
            return new Attempt(attempt.id(), attempt.sourceReference(), null, new ReplayOutcome(attempt.id(),
                    attempt.sourceReference(), ReplayOutcome.FAILED_AGAIN, code, read.reason(), null));
        }
        return notReplayed(attempt, ReplayOutcome.MOODLE_UNAVAILABLE, read.reason());
    }

    /**
     * The read at the source failed: Moodle unreachable or failing, or refusing. A refused token halts Moodle, as a
     * poll's would (every call would be refused); a function the web service does not offer only fails the replays
     * (polls do not need it): the answer says which functions to add.
     */
    public Attempt sourceFailed(@ExchangeProperty(ExchangeNames.REPLAY) Attempt attempt,
                                @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable failure) {
        Failure f = classifier.classify(failure);
        if (f.kind() == Failure.Kind.SYSTEMIC && TOKEN_REFUSED.equals(f.code())) {
            feed.halt(f);
        }
        String hint = f.code().equals(ACCESS_REFUSED) ? "; add core_user_get_users_by_field and"
                + " core_enrol_get_users_courses to the web service in Moodle (preflight checks them)" : "";
        return notReplayed(attempt, ReplayOutcome.MOODLE_UNAVAILABLE, "Moodle could not be read again: " + f.code()
                + " (" + f.text() + ")" + hint + "; the dead letter waits: replay it once Moodle answers");
    }

    /** Anything else that failed outside the record's own error handling: the row is reopened at once. */
    public Attempt interrupted(@ExchangeProperty(ExchangeNames.REPLAY) Attempt attempt,
                               @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable failure) {
        Failure f = classifier.classify(failure);
        return notReplayed(attempt, ReplayOutcome.INTERRUPTED, "the replay failed: " + f.code() + " (" + f.text()
                + "); the dead letter waits: replay it again");
    }

    private Attempt notReplayed(Attempt attempt, String outcome, String reason) {
        store.reopen(attempt.id(), reason);
        LOG.warn("Replay of dead letter {} ({}) ended without sending: {}", attempt.id(), attempt.sourceReference(),
                reason);
        return new Attempt(attempt.id(), attempt.sourceReference(), null, new ReplayOutcome(attempt.id(),
                attempt.sourceReference(), outcome, null, reason, null));
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
