package io.github.mcsync.feed;

import io.github.mcsync.failure.Failure;
import io.github.mcsync.failure.FailureClassifier;
import io.github.mcsync.ExchangeNames;
import io.github.mcsync.Secrets;
import io.github.mcsync.enrolment.Enrolment;
import io.github.mcsync.state.PollHistory;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * Ends a poll: one summary line per poll ({@code poll 1: 6 new, 6 sent, 0 dead-lettered}); a failed poll
 * logs one clear line (never the token) and, when the failure is systemic, halts the feed.
 */
public final class PollReport {
    private static final Logger LOG = LoggerFactory.getLogger("io.github.mcsync.poll");

    private final FeedControl feed;
    private final FailureClassifier classifier;
    private final PollHistory history;
    private final PollHealth health;

    public PollReport(FeedControl feed, FailureClassifier classifier, PollHistory history, PollHealth health) {
        this.feed = feed;
        this.classifier = classifier;
        this.history = history;
        this.health = health;
    }

    public void finished(Exchange exchange) {
        PollRun run = exchange.getProperty(ExchangeNames.POLL_RUN, PollRun.class);
        if (run.failure() == null && run.haltedReason() == null && feed.haltedReason() != null) {
            run.halted(feed.haltedReason());
        }
        List<PollRun.Course> skipped = run.skippedCourses();
        if (run.failure() == null && !skipped.isEmpty() && skipped.size() == run.polledCourses().size()) {
            run.failed("no watched course could be read: " + skipped.stream()
                    .map(c -> "course " + c.id() + " (" + c.shortname() + "): " + c.failure())
                    .collect(java.util.stream.Collectors.joining("; ")));
        }
        feed.finished(run);
        if (run.failure() == null && run.haltedReason() == null) {
            feed.pollSucceeded();
        }
        health.pollFinished(run);
        if (run.ok()) {
            feed.configurationHealthy();
            LOG.info(run.summary());
        } else {
            LOG.warn(run.summary());
        }
        remember(run);
    }

    /**
     * The state database has not answered since the start: the poll reads nothing (every enrolment waits at its
     * source) and ends failed with one line; not kept in the run history, which lives in that database.
     */
    public void stateDatabaseUnavailable(@ExchangeProperty(ExchangeNames.POLL_RUN) PollRun run,
                                         @org.apache.camel.Body String reason) {
        run.failed(reason);
        feed.finished(run);
        health.pollFinished(run);
        LOG.warn(run.summary());
    }

    /** The run history of the ops console; a history that cannot be written never fails the poll. */
    private void remember(PollRun run) {
        try {
            history.record(new PollHistory.Poll(run.number(), run.startedAt(), null, run.outcome(), run.foundCount(),
                    run.freshCount(), run.sentCount(), run.deadLetteredCount(), run.parkedCount(), run.baselineCount(),
                    run.failure(), run.haltedReason(), run.summary(), java.util.stream.Stream.concat(
                    run.courses().stream(), run.skippedCourses().stream().map(c -> new PollHistory.CourseFigures(c.id(),
                            c.shortname(), 0, 0, 0, c.failure()))).toList()));
        } catch (DataAccessException e) {
            LOG.warn("poll {}: its figures could not be kept in the run history: {}", run.number(),
                    Secrets.redact(e.getMostSpecificCause().getMessage()));
        }
    }

    /** A new record of this poll (not done, not waiting in dead letters), counted for its course too. */
    public void fresh(@ExchangeProperty(ExchangeNames.POLL_RUN) PollRun run,
                      @ExchangeProperty(ExchangeNames.ENROLMENT) Enrolment e) {
        run.fresh(e);
    }

    /**
     * The key was recorded as done after its page was read (by another instance's replay, say): it is not sent, and
     * not counted as new in this poll.
     */
    public void alreadyDone(Exchange exchange) {
        LOG.info("{}: already delivered (recorded since this poll read it), not sent again",
                exchange.getMessage().getHeader(ExchangeNames.SOURCE_REFERENCE));
        returnedToSource(exchange);
    }

    /**
     * The feed stopped while the record was validated or waited for its turn to send: it was not sent, waits at its
     * source and is not counted as new in this poll.
     */
    public void heldBack(Exchange exchange) {
        returnedToSource(exchange);
    }

    public void failed(Exchange exchange) {
        PollRun run = exchange.getProperty(ExchangeNames.POLL_RUN, PollRun.class);
        Failure f = classifier.classify(exchange);
        String reason = f.code() + " (" + f.text() + ")";
        if (f.kind() == Failure.Kind.SYSTEMIC) {
            feed.halt(f); // the system the failure came from halts (a Moodle code: Moodle)
        }
        if (run != null) {
            run.failed(reason);
            finished(exchange);
        } else {
            LOG.warn("Moodle poll failed, nothing sent or marked: {}", reason);
        }
    }

    /** A configuration problem while processing a record: pause the feed; the record stays at its source. */
    public void configurationProblem(Exchange exchange) {
        feed.pause(classifier.classify(exchange).text());
        returnedToSource(exchange);
    }

    /**
     * A systemic failure while processing a record: halt the feed (the CourseSales or the Moodle halt, by where the
     * failure came from); the record stays waiting at its source.
     */
    public void halt(Exchange exchange) {
        feed.halt(classifier.classify(exchange));
        returnedToSource(exchange);
    }

    /**
     * A transient CourseSales failure outlasted the redeliveries (or a submission got no answer) in a poll: the poll
     * takes no further record ("interrupted: CourseSales unavailable"); this record and the rest wait at their source
     * and the next poll tries them again. Nothing is dead-lettered.
     */
    public void interrupted(Exchange exchange) {
        Failure f = classifier.classify(exchange);
        PollRun run = exchange.getProperty(ExchangeNames.POLL_RUN, PollRun.class);
        feed.interrupt(run, "CourseSales unavailable: " + f.code() + " (" + f.text() + ")");
        returnedToSource(exchange);
    }

    /**
     * The record's last submission got no answer and may still be stored by CourseSales: it waits at its source, is
     * neither looked up nor sent, and a later poll resolves it; the poll goes on with the others.
     */
    public void outcomeUnknown(Exchange exchange) {
        PollRun run = exchange.getProperty(ExchangeNames.POLL_RUN, PollRun.class);
        if (run != null) {
            run.outcomeUnknown();
        }
        LOG.info("{}: {}", exchange.getMessage().getHeader(ExchangeNames.SOURCE_REFERENCE, String.class),
                classifier.classify(exchange).text());
        returnedToSource(exchange);
    }

    private static void returnedToSource(Exchange exchange) {
        PollRun run = exchange.getProperty(ExchangeNames.POLL_RUN, PollRun.class);
        if (run != null) {
            run.returnedToSource(exchange.getProperty(ExchangeNames.ENROLMENT, Enrolment.class));
        }
    }
}
