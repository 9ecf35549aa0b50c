package io.github.mcsync.enrolment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.mcsync.enrolment.FieldMapping.MappedField;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Reading the mapping: what a malformed one says (one line naming the property), and that the shorthands are the same mechanism. */
class FieldMappingTest {
    static final Function<String, Function<Enrolment, String>> COMPILER = t -> {
        if (t.contains("oops")) {
            throw new IllegalArgumentException("the expression does not parse: expected symbol functionEnd");
        }
        return e -> t;
    };

    private static FieldMapping read(Map<String, String> properties) {
        return FieldMapping.read(12, 7, properties, COMPILER);
    }

    private static String refused(Map<String, String> properties) {
        return assertThrows(IllegalStateException.class, () -> read(properties)).getMessage();
    }

    @Test
    void theShorthandsAreMappedFieldsOfUserFields() {
        FieldMapping m = read(Map.of("coursesales.field.phone", "104", "coursesales.fields.110", "city",
                "coursesales.field.moodle-id", "106"));
        assertEquals(List.of(new MappedField(104, "coursesales.field.phone", new FieldSource.UserField("phone1")),
                new MappedField(106, "coursesales.field.moodle-id", new FieldSource.UserField("userid")),
                new MappedField(110, "coursesales.fields.110", new FieldSource.UserField("city"))), m.fields());
        assertEquals("coursesales.field.phone (phone1)", m.fields().get(0).describe());
        assertEquals("coursesales.fields.110 = city", m.fields().get(2).describe());
    }

    @Test
    void genericFieldsGoByFieldIdThenClientIdAndUsi() {
        FieldMapping m = read(Map.of("coursesales.fields.30", "course:shortname", "coursesales.fields.4", "profile:studentid",
                "coursesales.field.client-id", "2", "coursesales.field.usi", "1", "moodle.usi-field", "usi"));
        assertEquals(List.of(4, 30, 2, 1), m.fields().stream().map(MappedField::fieldId).toList());
        assertEquals(2, m.clientIdFieldId());
        assertEquals(new FieldSource.Usi("usi"), m.fields().get(3).source());
    }

    @Test
    void aFieldIdThatIsNotANumberNamesTheProperty() {
        assertEquals("coursesales.fields.city: 'city' is not a FieldId (a whole number above 0, from the field's edit URL"
                + " in CourseSales)", refused(Map.of("coursesales.fields.city", "city")));
        assertEquals("coursesales.field.email: '0' is not a FieldId (a whole number above 0, from the field's edit URL"
                + " in CourseSales)", refused(Map.of("coursesales.field.email", "0")));
    }

    @Test
    void anUnknownSourceListsWhatCanBeMapped() {
        assertEquals("coursesales.fields.110 = town: unknown source 'town': use firstname, lastname, email, phone1, phone2,"
                + " username, idnumber, institution, department, city, country, userid, profile:<shortname>,"
                + " course:<shortname|idnumber|fullname|id> or a ${...} expression",
                refused(Map.of("coursesales.fields.110", "town")));
        assertEquals("coursesales.fields.110 = course:summary: unknown course field 'summary': use course:shortname,"
                + " course:idnumber, course:fullname, course:id", refused(Map.of("coursesales.fields.110", "course:summary")));
        assertEquals("coursesales.fields.110 = profile:: a custom profile field needs its shortname, e.g."
                + " profile:studentid", refused(Map.of("coursesales.fields.110", "profile:")));
    }

    @Test
    void anExpressionThatDoesNotParseNamesTheProperty() {
        assertEquals("coursesales.fields.110 = ${body.oops: the expression does not parse: expected symbol functionEnd",
                refused(Map.of("coursesales.fields.110", "${body.oops")));
    }

    @Test
    void oneFieldIdMappedTwiceIsRefused() {
        assertEquals("FieldId 104 is mapped twice, by coursesales.field.phone and by coursesales.field.mobile: a field"
                + " takes one value, so remove one of them",
                refused(Map.of("coursesales.field.phone", "104", "coursesales.field.mobile", "104")));
        assertEquals("FieldId 103 is mapped twice, by coursesales.field.email and by coursesales.fields.103: a field"
                + " takes one value, so remove one of them",
                refused(Map.of("coursesales.field.email", "103", "coursesales.fields.103", "username")));
    }

    @Test
    void theUsiNeedsItsProfileField() {
        String expected = "coursesales.field.usi and moodle.usi-field go together: set both (the USI's FieldId and the"
                + " Moodle profile field that holds it) or neither";
        assertEquals(expected, refused(Map.of("coursesales.field.usi", "108")));
        assertEquals(expected, refused(Map.of("moodle.usi-field", "usi")));
    }
}
