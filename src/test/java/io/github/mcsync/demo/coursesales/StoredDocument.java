package io.github.mcsync.demo.coursesales;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A registration document as the simulator stored it: every submitted value exactly as received
 * (no trimming, no normalisation). {@code fieldValues} keeps submission order (FieldId to Value).
 */
public record StoredDocument(int documentId, String documentExternalId, Integer contactId, int formId,
                             int processId, int courseDateId, String documentSourceId, String sourceReference,
                             Map<Integer, String> fieldValues, Integer statusStepId) {

    public StoredDocument {
        fieldValues = Collections.unmodifiableMap(new LinkedHashMap<>(fieldValues));
    }

    StoredDocument withStatusStep(int stepId) {
        return new StoredDocument(documentId, documentExternalId, contactId, formId, processId, courseDateId,
                documentSourceId, sourceReference, fieldValues, stepId);
    }
}
