package io.github.mcsync.enrolment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mcsync.coursesales.CourseSalesMetadata.CourseDate;
import io.github.mcsync.enrolment.RegistrationMapper.ClientId;
import io.github.mcsync.failure.RecordRejectedException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RegistrationMapperTest {
    static final Function<String, Function<Enrolment, String>> NO_EXPRESSIONS = t -> {
        throw new AssertionError("no expression expected");
    };
    static final CourseLink LINK = CourseLink.chosen(new CourseDate(9001, "d", null, LocalDate.of(2027, 2, 22), "Scheduled",
            true, 501, 2), "Moodle Id 2", false);

    static FieldMapping mapping(Map<String, String> properties) {
        return FieldMapping.read(12, 7, properties, NO_EXPRESSIONS);
    }

    static final Map<String, String> SHORTHANDS = Map.of("coursesales.field.first-name", "101",
            "coursesales.field.last-name", "102", "coursesales.field.email", "103", "coursesales.field.phone", "104",
            "coursesales.field.mobile", "105", "coursesales.field.moodle-id", "106", "coursesales.field.client-id", "107");

    static Enrolment enrolment(String first, String last, String email, String phone1, String phone2) {
        return new Enrolment(5, "jdoe", first, last, email, phone1, phone2, "S-1003", "Uni", "", "Kraków", "PL",
                Map.of("studentid", "S1003"), 2, "PHYS101", "Introduction to Physics", "PHYS101-2026", 4, null,
                List.of("student"), null, null, "ws", null);
    }

    @Test
    void mapsEveryConfiguredFieldInOrder() {
        Registration r = new RegistrationMapper(mapping(SHORTHANDS)).map(
                enrolment("John", "Doe", "john.doe@example.com", "+1 555 0100", "+1 555 0199"), LINK, new ClientId(107, "5"));
        assertEquals(12, r.formId());
        assertEquals(7, r.processId());
        assertEquals(9001, r.courseDateId());
        assertEquals("Moodle Id 2", r.courseDateChoice());
        assertEquals("5", r.documentSourceId());
        assertEquals("moodle:c2:u5", r.sourceReference());
        assertEquals(List.of(new Registration.FieldValue(101, "John"), new Registration.FieldValue(102, "Doe"),
                new Registration.FieldValue(103, "john.doe@example.com"), new Registration.FieldValue(104, "+1 555 0100"),
                new Registration.FieldValue(105, "+1 555 0199"), new Registration.FieldValue(106, "5"),
                new Registration.FieldValue(107, "5")), r.fieldValues());
    }

    @Test
    void blankAndUnmappedValuesAreNotSent() {
        FieldMapping noPhones = mapping(Map.of("coursesales.field.first-name", "101", "coursesales.field.last-name", "102",
                "coursesales.field.email", "103", "coursesales.field.moodle-id", "106"));
        Registration r = new RegistrationMapper(noPhones).map(enrolment("小龍", "李", "  ", "+1", null), LINK, null);
        assertEquals(List.of(new Registration.FieldValue(101, "小龍"), new Registration.FieldValue(102, "李"),
                new Registration.FieldValue(106, "5")), r.fieldValues());
    }

    @Test
    void valuesPassUnchanged() {
        String tricky = " A&B <c> \"q\" 'z' 😀 ";
        Registration r = new RegistrationMapper(mapping(SHORTHANDS)).map(enrolment(tricky, "x", "e@x", null, null), LINK, null);
        assertEquals(tricky, r.fieldValues().get(0).value());
    }

    @Test
    void everySourceKindGivesItsValueAfterTheShorthands() {
        Map<String, String> p = new HashMap<>(Map.of("coursesales.field.email", "103"));
        p.put("coursesales.fields.120", "profile:studentid");
        p.put("coursesales.fields.110", "city");
        p.put("coursesales.fields.130", "course:fullname");
        p.put("coursesales.fields.131", "course:id");
        p.put("coursesales.fields.112", "institution");
        p.put("coursesales.fields.113", "department"); // "" in Moodle: not sent
        p.put("coursesales.fields.140", "${body.courseIdnumber}");
        Registration r = new RegistrationMapper(FieldMapping.read(12, 7, p, t -> e -> "expr:" + e.courseIdnumber()))
                .map(enrolment("John", "Doe", "john.doe@example.com", null, null), LINK, null);
        assertEquals(List.of(new Registration.FieldValue(103, "john.doe@example.com"), new Registration.FieldValue(110, "Kraków"),
                new Registration.FieldValue(112, "Uni"), new Registration.FieldValue(120, "S1003"),
                new Registration.FieldValue(130, "Introduction to Physics"), new Registration.FieldValue(131, "2"),
                new Registration.FieldValue(140, "expr:PHYS101-2026")), r.fieldValues());
    }

    @Test
    void aClientIdFieldFoundOnTheFormComesLast() {
        Registration r = new RegistrationMapper(mapping(Map.of("coursesales.field.email", "103"))).map(
                enrolment("John", "Doe", "j@x", null, null), LINK, new ClientId(150, "jdoe"));
        assertEquals(List.of(new Registration.FieldValue(103, "j@x"), new Registration.FieldValue(150, "jdoe")), r.fieldValues());
    }

    @Test
    void aUsiIsCheckedBeforeItIsSent() {
        FieldMapping usi = mapping(Map.of("coursesales.field.usi", "108", "moodle.usi-field", "studentid"));
        RecordRejectedException e = assertThrows(RecordRejectedException.class,
                () -> new RegistrationMapper(usi).map(enrolment("J", "D", "j@x", null, null), LINK, null));
        assertEquals("INVALID_USI", e.code());
    }

    @Test
    void anExpressionFailingForOneRecordIsMappingFailedNamingTheProperty() {
        FieldMapping m = FieldMapping.read(12, 7, Map.of("coursesales.fields.140", "${body.city.toUpperCase()}"),
                t -> e -> {
                    throw new IllegalArgumentException("a value it reads is empty for this Moodle user");
                });
        RecordRejectedException e = assertThrows(RecordRejectedException.class,
                () -> new RegistrationMapper(m).map(enrolment("J", "D", "j@x", null, null), LINK, null));
        assertEquals("MAPPING_FAILED", e.code());
        assertTrue(e.reason().equals("FieldId 140 (coursesales.fields.140 = ${body.city.toUpperCase()}): a value it reads"
                + " is empty for this Moodle user"), e.reason());
    }
}
