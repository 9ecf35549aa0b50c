package io.github.mcsync.enrolment;

import io.github.mcsync.enrolment.FieldMapping.MappedField;
import io.github.mcsync.failure.ReasonCode;
import io.github.mcsync.failure.RecordRejectedException;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps an {@link Enrolment} to a {@link Registration} by the {@link FieldMapping}: each mapped field gets the value of
 * its source, in mapping order. DocumentSourceId is the Moodle user id. Values pass unchanged (no trimming, no escaping:
 * the SOAP layer escapes), and a blank value is not sent.
 */
public final class RegistrationMapper {
    private final FieldMapping mapping;

    public RegistrationMapper(FieldMapping mapping) {
        this.mapping = mapping;
    }

    public FieldMapping mapping() {
        return mapping;
    }

    /**
     * @param clientId the client identifier decided by the identity strategy, or null to send none
     * @throws RecordRejectedException INVALID_USI for a malformed USI, MAPPING_FAILED for an expression that fails
     */
    public Registration map(Enrolment e, CourseLink link, ClientId clientId) {
        List<Registration.FieldValue> values = new ArrayList<>();
        String identifier = clientId == null ? null : clientId.value();
        for (MappedField f : mapping.fields()) {
            add(values, f.fieldId(), valueOf(f, e, identifier));
        }
        if (clientId != null && mapping.field(clientId.fieldId()).isEmpty()) {
            add(values, clientId.fieldId(), identifier); // the field found by its Internal Export Id
        }
        return new Registration(mapping.formId(), mapping.processId(), link.courseDate().courseDateId(), link.choice(),
                Long.toString(e.userId()), e.sourceReference(), values);
    }

    /** Where the client identifier goes (the configured field, or the one found on the form) and what it is. */
    public record ClientId(int fieldId, String value) {
    }

    private static String valueOf(MappedField f, Enrolment e, String clientIdentifier) {
        try {
            return f.source().valueOf(e, clientIdentifier);
        } catch (IllegalArgumentException failed) { // an expression that cannot be evaluated for this record
            throw new RecordRejectedException(ReasonCode.MAPPING_FAILED, "FieldId " + f.fieldId() + " ("
                    + f.describe() + "): " + failed.getMessage());
        }
    }

    private static void add(List<Registration.FieldValue> values, int fieldId, String value) {
        if (value != null && !value.isBlank()) {
            values.add(new Registration.FieldValue(fieldId, value));
        }
    }
}
