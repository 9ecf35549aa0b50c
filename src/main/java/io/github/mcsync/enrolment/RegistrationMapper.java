package io.github.mcsync.enrolment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maps an {@link Enrolment} to a {@link Registration}: the configured FieldIds for first name, last name,
 * email, phone (Moodle phone1), mobile (Moodle phone2), the "Moodle Id" field and, where an identity
 * strategy gives one, the client identifier and the USI. DocumentSourceId is the Moodle user id. Values pass unchanged
 * (no trimming, no escaping: the SOAP layer escapes), and a blank value is not sent.
 */
public final class RegistrationMapper {
    private final FieldMapping mapping;

    public RegistrationMapper(FieldMapping mapping) {
        this.mapping = mapping;
    }

    public FieldMapping mapping() {
        return mapping;
    }

    /** {@code extraValues}: values decided elsewhere (client identifier, USI), by FieldId, in order. */
    public Registration map(Enrolment e, int courseDateId, Map<Integer, String> extraValues) {
        List<Registration.FieldValue> values = new ArrayList<>();
        add(values, mapping.firstName(), e.firstName());
        add(values, mapping.lastName(), e.lastName());
        add(values, mapping.email(), e.email());
        add(values, mapping.phone(), e.phone1());
        add(values, mapping.mobile(), e.phone2());
        add(values, mapping.moodleId(), Long.toString(e.userId()));
        extraValues.forEach((fieldId, value) -> add(values, fieldId, value));
        return new Registration(mapping.formId(), mapping.processId(), courseDateId,
                Long.toString(e.userId()), e.sourceReference(), values);
    }

    private static void add(List<Registration.FieldValue> values, Integer fieldId, String value) {
        if (fieldId != null && value != null && !value.isBlank()) {
            values.add(new Registration.FieldValue(fieldId, value));
        }
    }
}
