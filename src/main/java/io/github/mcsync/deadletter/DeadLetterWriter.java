package io.github.mcsync.deadletter;

import io.github.mcsync.ExchangeNames;
import io.github.mcsync.failure.Failure;
import io.github.mcsync.failure.FailureClassifier;
import io.github.mcsync.enrolment.Enrolment;
import io.github.mcsync.failure.ReasonCode;
import io.github.mcsync.feed.PollRun;
import io.github.mcsync.observe.SyncMetrics;
import io.github.mcsync.state.RefusedSubmissions;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the failed record of an exchange to the dead-letter store with an actionable reason code: the
 * CourseSales fault code, our validation code, or RETRIES_EXHAUSTED with the last cause for transient
 * failures that outlived every redelivery.
 */
public final class DeadLetterWriter {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterWriter.class);

    private final DeadLetterStore store;
    private final FailureClassifier classifier;
    private final RefusedSubmissions refusedSubmissions;
    private final SyncMetrics metrics;

    public DeadLetterWriter(DeadLetterStore store, FailureClassifier classifier, RefusedSubmissions refusedSubmissions,
                            SyncMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
        this.classifier = classifier;
        this.refusedSubmissions = refusedSubmissions;
    }

    public void write(Exchange exchange) {
        Enrolment enrolment = exchange.getProperty(ExchangeNames.ENROLMENT, Enrolment.class);
        if (enrolment == null) {
            throw new IllegalStateException("no enrolment on the exchange to dead-letter");
        }
        Failure failure = classifier.classify(exchange);
        String code = failure.code();
        String text = failure.text();
        if (failure.kind() == Failure.Kind.TRANSIENT) {
            code = ReasonCode.RETRIES_EXHAUSTED.name();
            text = "last cause " + failure.code() + ": " + failure.text();
        }
        // the in-flight mark goes only when CourseSales certainly created no document; otherwise a replay asks first
        refusedSubmissions.forgetIfRefused(exchange);
        String stage = exchange.getProperty(ExchangeNames.STAGE, "process", String.class);
        long id = store.write(enrolment, stage, code, text);
        metrics.deadLettered(code);
        PollRun run = exchange.getProperty(ExchangeNames.POLL_RUN, PollRun.class);
        if (run != null) {
            run.deadLettered(enrolment);
        }
        // the reason text may name a Moodle user (CLIENT_ID_NOT_UNIQUE): it is in the dead letter, not in the log
        LOG.warn("Dead-lettered {} at {} as {} (dead letter {}; GET /api/dead-letters/{} says why)",
                enrolment.sourceReference(), stage, code, id, id);
    }
}
