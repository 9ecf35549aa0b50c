package io.github.mcsync.enrolment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistrationMapperTest {
    static final FieldMapping MAPPING = new FieldMapping(12, 7, null, 101, 102, 103, 104, 105, 106, 107, null, null);

    static Enrolment enrolment(String first, String last, String email, String phone1, String phone2) {
        return new Enrolment(5, "jdoe", first, last, email, phone1, phone2, "S-1003", null, null, null, null, Map.of(), 2,
                "PHYS101", "Introduction to Physics", "PHYS101-2026", 4, null, List.of("student"), null, null, "ws", null);
    }

    @Test
    void mapsEveryConfiguredFieldInOrder() {
        Registration r = new RegistrationMapper(MAPPING).map(
                enrolment("John", "Doe", "john.doe@example.com", "+1 555 0100", "+1 555 0199"), 9001, java.util.Map.of(107, "5"));
        assertEquals(12, r.formId());
        assertEquals(7, r.processId());
        assertEquals(9001, r.courseDateId());
        assertEquals("5", r.documentSourceId());
        assertEquals("moodle:c2:u5", r.sourceReference());
        assertEquals(List.of(new Registration.FieldValue(101, "John"), new Registration.FieldValue(102, "Doe"),
                new Registration.FieldValue(103, "john.doe@example.com"), new Registration.FieldValue(104, "+1 555 0100"),
                new Registration.FieldValue(105, "+1 555 0199"), new Registration.FieldValue(106, "5"),
                new Registration.FieldValue(107, "5")), r.fieldValues());
    }

    @Test
    void blankAndUnmappedValuesAreNotSent() {
        FieldMapping noPhones = new FieldMapping(12, 7, null, 101, 102, 103, null, null, 106, null, null, null);
        Registration r = new RegistrationMapper(noPhones).map(enrolment("小龍", "李", "  ", "+1", null), 9001, java.util.Map.of());
        assertEquals(List.of(new Registration.FieldValue(101, "小龍"), new Registration.FieldValue(102, "李"),
                new Registration.FieldValue(106, "5")), r.fieldValues());
    }

    @Test
    void valuesPassUnchanged() {
        String tricky = " A&B <c> \"q\" 'z' 😀 ";
        Registration r = new RegistrationMapper(MAPPING).map(enrolment(tricky, "x", "e@x", null, null), 1, java.util.Map.of());
        assertEquals(tricky, r.fieldValues().get(0).value());
    }
}
