package io.github.mcsync.validation;

import io.github.mcsync.coursesales.CourseSalesMetadata;
import io.github.mcsync.coursesales.CourseSalesMetadata.Field;
import io.github.mcsync.enrolment.FieldMapping;
import io.github.mcsync.enrolment.Registration;
import io.github.mcsync.failure.Problem;
import io.github.mcsync.failure.ReasonCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The values of one registration, before it is sent: every mandatory field has a non-blank value
 * (MISSING_REQUIRED_VALUE), and no value breaks its field's length or holds a character XML 1.0 cannot carry
 * (INVALID_VALUE). Messages name the field and where its value comes from, never the value (personal data).
 */
public final class ValueCheck {
    static final int MAX_VALUE = 255;
    static final int MAX_LONG_TEXT = 65_535;
    static final int MAX_SOURCE_REFERENCE = 100;

    private final FieldMapping mapping;

    public ValueCheck(FieldMapping mapping) {
        this.mapping = mapping;
    }

    public List<Problem> problems(Registration r, CourseSalesMetadata m) {
        List<Problem> out = new ArrayList<>();
        Set<Integer> given = r.fieldValues().stream().map(Registration.FieldValue::fieldId).collect(Collectors.toSet());
        for (Field f : m.registrationForm().fields()) {
            if (f.mandatory() && Checklist.ACTIVE.equals(f.status()) && !given.contains(f.fieldId())) {
                out.add(Problem.of(ReasonCode.MISSING_REQUIRED_VALUE, "mandatory field " + f.fieldId() + " '" + f.name()
                        + "' (" + source(f.fieldId()) + ") has no value for this Moodle user"));
            }
        }
        for (Registration.FieldValue v : r.fieldValues()) {
            var field = m.registrationForm().field(v.fieldId());
            String named = "field " + v.fieldId() + field.map(f -> " '" + f.name() + "'").orElse("") + " ("
                    + source(v.fieldId()) + ")";
            int max = field.map(ValueCheck::maxLength).orElse(MAX_VALUE);
            int length = v.value().codePointCount(0, v.value().length());
            if (length > max) {
                out.add(Problem.of(ReasonCode.INVALID_VALUE, "the value for " + named + " has " + length
                        + " characters; at most " + max + " are allowed"));
            }
            String character = XmlCharacters.problem(v.value());
            if (character != null) {
                out.add(Problem.of(ReasonCode.INVALID_VALUE, "the value for " + named + " has " + character
                        + ", which XML 1.0 (and so SOAP) cannot carry"));
            }
        }
        if (r.sourceReference().codePointCount(0, r.sourceReference().length()) > MAX_SOURCE_REFERENCE) {
            out.add(Problem.of(ReasonCode.INVALID_VALUE, "the source reference is longer than " + MAX_SOURCE_REFERENCE
                    + " characters"));
        }
        return out;
    }

    private String source(int fieldId) {
        return mapping.field(fieldId).map(FieldMapping.MappedField::describe)
                .orElse("the client identifier of identity.strategy, by the field's Internal Export Id");
    }

    static int maxLength(Field f) {
        return "Textarea".equalsIgnoreCase(f.type()) ? MAX_LONG_TEXT : MAX_VALUE;
    }
}
