package io.github.mcsync.feed;

import io.github.mcsync.coursesales.soap.DocumentRecord;
import io.github.mcsync.coursesales.soap.FindDocumentsResponse;
import io.github.mcsync.coursesales.soap.SubmitRegistrationResponse;
import io.github.mcsync.ExchangeNames;
import io.github.mcsync.enrolment.Enrolment;
import io.github.mcsync.enrolment.Registration;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records a delivered registration (or one found after an unknown outcome) and counts it in the poll. */
public final class DeliveryRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryRecorder.class);

    private final io.github.mcsync.state.Deliveries deliveries;

    public DeliveryRecorder(io.github.mcsync.state.Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    public void delivered(@ExchangeProperty(ExchangeNames.ENROLMENT) Enrolment e,
                          @ExchangeProperty(ExchangeNames.REGISTRATION) Registration r,
                          @ExchangeProperty(ExchangeNames.POLL_RUN) PollRun run,
                          SubmitRegistrationResponse response) {
        if (run != null && run.fromSource()) {
            deliveries.deliveredFresh(e, r, response); // a poll's record: it was not waiting in the dead-letter store
        } else {
            deliveries.delivered(e, r, response);
        }
        if (run != null) {
            run.sent(e);
        }
        LOG.info("Delivered {} as CourseSales document {}", e.sourceReference(), response.getDocumentExternalId());
    }

    /** After an unknown outcome: true when CourseSales already has the document (then it is recorded, not resent). */
    public boolean alreadyThere(@ExchangeProperty(ExchangeNames.ENROLMENT) Enrolment e,
                                @ExchangeProperty(ExchangeNames.REGISTRATION) Registration r,
                                @ExchangeProperty(ExchangeNames.POLL_RUN) PollRun run,
                                FindDocumentsResponse found) {
        // only a document carrying exactly this SourceReference counts, whatever the search matched
        DocumentRecord d = found.getDocument().stream().filter(x -> e.sourceReference().equals(x.getSourceReference()))
                .findFirst().orElse(null);
        if (d == null) {
            LOG.info("{} had an unknown outcome; CourseSales has no document for it, sending again", e.sourceReference());
            return false;
        }
        deliveries.found(e, r, d.getDocumentId(), d.getDocumentExternalId());
        if (run != null) {
            run.sent(e);
        }
        LOG.info("{} had an unknown outcome; CourseSales already has it as document {}: recorded, not sent again",
                e.sourceReference(), d.getDocumentExternalId());
        return true;
    }
}
