package io.github.mcsync.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.mcsync.coursesales.CourseSalesMetadata;
import io.github.mcsync.enrolment.Registration;
import io.github.mcsync.enrolment.Registration.FieldValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueCheckTest {
    private final ValueCheck check = new ValueCheck(ChecklistTest.MAPPING);
    private final CourseSalesMetadata m = ChecklistTest.metadata(ChecklistTest.FORM, null, ChecklistTest.PROCESS);

    private List<String> problems(FieldValue... values) {
        return check.problems(new Registration(12, 7, 9001, "Moodle Id 2", "5", "moodle:c2:u5", List.of(values)), m)
                .stream().map(p -> p.code() + " " + p.message()).toList();
    }

    @Test
    void aBlankMandatoryFieldNamesTheFieldAndItsSource() {
        assertEquals(List.of("MISSING_REQUIRED_VALUE mandatory field 103 'Email' (coursesales.field.email (email)) has no"
                + " value for this Moodle user"), problems(new FieldValue(101, "Zoë")));
    }

    @Test
    void aCharacterXmlCannotCarryIsAnInvalidValueNamingTheField() {
        assertEquals(List.of("INVALID_VALUE the value for field 110 'City' (coursesales.fields.110 = city) has control"
                + " character U+0008 at position 3, which XML 1.0 (and so SOAP) cannot carry"),
                problems(new FieldValue(101, "Zoë"), new FieldValue(103, "z@x"), new FieldValue(110, "Kr\bków")));
    }

    @Test
    void anOverlongValueIsAnInvalidValue() {
        assertEquals(List.of("INVALID_VALUE the value for field 101 'First name' (coursesales.field.first-name (firstname))"
                + " has 256 characters; at most 255 are allowed"),
                problems(new FieldValue(101, "L".repeat(256)), new FieldValue(103, "z@x")));
    }

    @Test
    void goodValuesHaveNoProblem() {
        assertEquals(List.of(), problems(new FieldValue(101, "小龍 😀"), new FieldValue(103, "z@x")));
    }
}
