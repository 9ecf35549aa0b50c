package io.github.mcsync.feed;

import io.github.mcsync.failure.Failure;
import io.github.mcsync.failure.FailureClassifier;
import io.github.mcsync.ExchangeNames;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a poll: one summary line per poll ({@code poll 1: 6 new, 6 sent, 0 dead-lettered}); a failed poll
 * logs one clear line (never the token) and, when the failure is systemic, halts the feed.
 */
public final class PollReport {
    private static final Logger LOG = LoggerFactory.getLogger("io.github.mcsync.poll");

    private final FeedControl feed;
    private final FailureClassifier classifier;

    public PollReport(FeedControl feed, FailureClassifier classifier) {
        this.feed = feed;
        this.classifier = classifier;
    }

    public void finished(Exchange exchange) {
        PollRun run = exchange.getProperty(ExchangeNames.POLL_RUN, PollRun.class);
        if (run.failure() == null && run.haltedReason() == null && !feed.isRunning()) {
            run.halted(feed.haltedReason());
        }
        if (run.ok()) {
            feed.configurationHealthy();
            LOG.info(run.summary());
        } else {
            LOG.warn(run.summary());
        }
    }

    public void failed(Exchange exchange) {
        PollRun run = exchange.getProperty(ExchangeNames.POLL_RUN, PollRun.class);
        Failure f = classifier.classify(exchange);
        String reason = f.code() + " (" + f.text() + ")";
        if (f.kind() == Failure.Kind.SYSTEMIC) {
            feed.halt(FeedControl.MOODLE_HALT + " the web-service call: " + reason
                    + "; check moodle.token and the web service's functions in Moodle");
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

    /** A systemic failure while processing a record: halt the feed; the record stays waiting at its source. */
    public void halt(Exchange exchange) {
        Failure f = classifier.classify(exchange);
        feed.halt(f.code() + ": " + f.text());
        returnedToSource(exchange);
    }

    private static void returnedToSource(Exchange exchange) {
        PollRun run = exchange.getProperty(ExchangeNames.POLL_RUN, PollRun.class);
        if (run != null) {
            run.returnedToSource();
        }
    }
}
