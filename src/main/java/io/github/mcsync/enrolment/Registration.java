package io.github.mcsync.enrolment;

import java.util.List;

/**
 * A CourseSales registration, independent of the SOAP shape (the coursesales adapter turns it into
 * {@code SubmitRegistration}). Field values are in mapping order and never blank.
 *
 * @param courseDateChoice how the course date was chosen (see {@link CourseLink#choice()}), kept with the delivery
 */
public record Registration(
        int formId,
        int processId,
        int courseDateId,
        String courseDateChoice,
        String documentSourceId,
        String sourceReference,
        List<FieldValue> fieldValues) {

    public Registration {
        fieldValues = List.copyOf(fieldValues);
    }

    public record FieldValue(int fieldId, String value) {
    }
}
