package io.github.mcsync.enrolment.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.mcsync.coursesales.CourseSalesMetadata.Field;
import io.github.mcsync.coursesales.CourseSalesMetadata.Form;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientIdFieldTest {
    static final String CLIENT_ID = "AVETMISS 7.0 Client Identifier";

    static Field field(int id, String internalExportId) {
        return new Field(id, "f" + id, "Field " + id, "Text", "Active", false, internalExportId);
    }

    static Form form(Field... extra) {
        List<Field> fields = new ArrayList<>(List.of(field(101, "AVETMISS 7.0 First Given Name"),
                field(102, "AVETMISS 7.0 Family Name"), field(106, null)));
        fields.addAll(List.of(extra));
        return new Form(12, "Moodle registration", "Registration", "Active", true, fields);
    }

    static String unresolved(Integer configured, Form form) {
        return assertThrows(ClientIdField.Unresolved.class, () -> ClientIdField.resolve(configured, form)).getMessage();
    }

    @Test
    void configuredFieldWins() {
        assertEquals(107, ClientIdField.resolve(107, form(field(107, null), field(109, CLIENT_ID))));
    }

    @Test
    void configuredFieldMustBeOnTheForm() {
        assertEquals("Form 12 'Moodle registration' has no field 108 (coursesales.field.client-id): correct"
                + " coursesales.field.client-id or leave it unset to use the field with Internal Export Id"
                + " 'AVETMISS 7.0 Client Identifier'", unresolved(108, form(field(107, CLIENT_ID))));
    }

    @Test
    void unconfiguredFieldIsFoundByItsInternalExportId() {
        assertEquals(109, ClientIdField.resolve(null, form(field(107, "AVETMISS 7.0 Unique Student Identifier"),
                field(109, CLIENT_ID))));
    }

    @Test
    void noFieldWithTheInternalExportIdTellsWhatToSet() {
        assertEquals("Form 12 'Moodle registration' has no field with Internal Export Id 'AVETMISS 7.0 Client"
                + " Identifier': set coursesales.field.client-id or set the Internal Export Id on the field in"
                + " CourseSales", unresolved(null, form()));
    }

    @Test
    void internalExportIdMustMatchExactly() {
        unresolved(null, form(field(107, "avetmiss 7.0 client identifier"), field(108, " " + CLIENT_ID),
                field(109, "AVETMISS 8.0 Client Identifier")));
    }

    @Test
    void severalFieldsWithTheInternalExportIdAreNamed() {
        assertEquals("Form 12 'Moodle registration' has 2 fields (107, 109) with Internal Export Id 'AVETMISS 7.0"
                + " Client Identifier': set coursesales.field.client-id to the one to use, or keep the Internal"
                + " Export Id on one field only in CourseSales",
                unresolved(null, form(field(107, CLIENT_ID), field(108, null), field(109, CLIENT_ID))));
    }
}
