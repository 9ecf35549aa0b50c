package io.github.mcsync.ops;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.mcsync.deadletter.DeadLetter;
import io.github.mcsync.failure.OperatorSentences;

/**
 * A dead letter as the ops API shows it: the row, the operator's advice for its reason code where we have
 * one, and (for a single dead letter) the stored enrolment. Times are ISO-8601 UTC.
 */
public record DeadLetterView(long id, String sourceReference, String stage, String reasonCode, String reasonText,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String advice, int attempts,
                             String firstFailureAt, String lastFailureAt, String status, int replayCount,
                             String resolvedDocumentId,
                             @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode enrolment) {

    public static DeadLetterView of(DeadLetter d, JsonNode enrolment) {
        return new DeadLetterView(d.id(), d.sourceReference(), d.stage(), d.reasonCode(), d.reasonText(),
                advice(d.reasonCode()), d.attempts(), d.firstFailureAt().toString(), d.lastFailureAt().toString(),
                d.status(), d.replayCount(), d.resolvedDocumentId(), enrolment);
    }

    /** The reason code's operator sentence (ours, CourseSales' fault codes, the checklist's), else null. */
    static String advice(String reasonCode) {
        return OperatorSentences.of(reasonCode).orElse(null);
    }
}
