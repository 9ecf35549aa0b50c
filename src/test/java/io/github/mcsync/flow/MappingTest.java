package io.github.mcsync.flow;

import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.REGISTRATION_FORM_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mcsync.SyncHarness;
import io.github.mcsync.SyncMain;
import io.github.mcsync.demo.coursesales.CourseSalesDemoData;
import io.github.mcsync.demo.coursesales.StoredDocument;
import io.github.mcsync.feed.PollRun;
import io.github.mcsync.ops.PreflightReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 9 §1: any CourseSales field mapped from Moodle by properties alone, through the real routes. */
class MappingTest extends FlowTestSupport {
    static final int FIELD_CITY = CourseSalesDemoData.FIELD_CITY;
    static final int FIELD_STUDENT_ID = CourseSalesDemoData.FIELD_STUDENT_ID;
    static final int FIELD_COUNTRY = 112;
    static final int FIELD_COURSE_AND_USER = 113;

    private StoredDocument document(long userId) {
        return sync.courseSales.documents().stream().filter(d -> d.sourceReference().equals("moodle:c2:u" + userId))
                .findFirst().orElseThrow(() -> new AssertionError("no document for user " + userId));
    }

    /**
     * The demo licence's form has City (110) and Student ID (111); two more for this test. PHYS101: Zoë (3) lives in
     * Kraków with student id S1001, Max (4) has neither, John (5) has student id S1003.
     */
    private void extraFieldsOnTheForm(boolean cityMandatory) {
        sync.courseSales.setFieldMandatory(REGISTRATION_FORM_ID, FIELD_CITY, cityMandatory);
        sync.courseSales.addField(REGISTRATION_FORM_ID, FIELD_COUNTRY, "Country", "Text", false);
        sync.courseSales.addField(REGISTRATION_FORM_ID, FIELD_COURSE_AND_USER, "Enrolment code", "Text", false);
    }

    @Test
    void aCustomProfileFieldAndCityArriveInTheirFieldsConfiguredByPropertiesOnly() throws Exception {
        System.setProperty("coursesales.fields.112", "country"); // as -Dcoursesales.fields.112=country
        try {
            sync = new SyncHarness(stateDir).with("moodle.courses", "2")
                    .with("coursesales.fields.110", "city")
                    .with("coursesales.fields.111", "profile:studentid")
                    .with("coursesales.fields.113", "${body.courseShortname}/${body.userId}");
            extraFieldsOnTheForm(false);
            sync.start();

            PollRun run = sync.poll();

            assertEquals("poll 1: 3 new, 3 sent, 0 dead-lettered", run.summary());
            Map<Integer, String> zoe = document(3).fieldValues();
            assertEquals("Kraków", zoe.get(FIELD_CITY));
            assertEquals("S1001", zoe.get(FIELD_STUDENT_ID));
            assertEquals("PL", zoe.get(FIELD_COUNTRY));
            assertEquals("PHYS101/3", zoe.get(FIELD_COURSE_AND_USER));
            assertEquals("Zoë", zoe.get(101), "the shorthands still map their fields");
            assertEquals(List.of(101, 102, 103, 104, 106, 110, 111, 112, 113), List.copyOf(zoe.keySet()),
                    "shorthands first, then by FieldId; blank values (Zoë has no mobile) are not sent");
            Map<Integer, String> john = document(5).fieldValues();
            assertEquals("S1003", john.get(FIELD_STUDENT_ID));
            assertFalse(john.containsKey(FIELD_CITY), "John has no city in Moodle: nothing is sent for it");
            Map<Integer, String> max = document(4).fieldValues();
            assertFalse(max.containsKey(FIELD_CITY) || max.containsKey(FIELD_STUDENT_ID), max.toString());
        } finally {
            System.clearProperty("coursesales.fields.112");
        }
    }

    @Test
    void aMappedFieldIdThatIsNotOnTheFormFailsPreflightNamingTheProperty() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").with("coursesales.fields.999", "city").start();

        PreflightReport report = sync.app().preflight();

        List<String> failed = report.getChecks().stream().filter(c -> "FAIL".equals(c.status()))
                .map(PreflightReport.Check::line).toList();
        assertEquals(List.of("FAIL  Fields                       FIELD_NOT_FOUND: FieldId 999 (coursesales.fields.999 = city)"
                + " is not on Form 12 'Moodle registration': correct coursesales.fields.999 or add the field to the form in"
                + " CourseSales"), failed);
        PollRun run = sync.poll();
        assertEquals(0, run.sentCount());
        assertEquals(List.of(), sync.deadLetters(), "the feed pauses: nothing is dead-lettered");
    }

    @Test
    void aMandatoryMappedFieldBlankForOneUserDeadLettersThatUserNamingTheFieldAndItsSource() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").with("coursesales.fields.110", "city");
        extraFieldsOnTheForm(true);
        sync.start();

        PollRun run = sync.poll();

        assertEquals("poll 1: 3 new, 1 sent, 2 dead-lettered", run.summary());
        assertEquals("Kraków", document(3).fieldValues().get(FIELD_CITY));
        for (Map<String, Object> row : sync.deadLetters()) {
            assertEquals("MISSING_REQUIRED_VALUE", row.get("REASON_CODE"));
            assertEquals("mandatory field 110 'City' (coursesales.fields.110 = city) has no value for this Moodle user",
                    row.get("REASON_TEXT"));
        }
        assertEquals(1, sync.courseSales.callCount("SubmitRegistration"), "nothing known to fail is sent");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiterString = " => ", value = {
            "coursesales.fields.110 => town => configuration error: coursesales.fields.110 = town: unknown source 'town': use"
                    + " firstname, lastname, email, phone1, phone2, username, idnumber, institution, department, city,"
                    + " country, userid, profile:<shortname>, course:<shortname|idnumber|fullname|id> or a ${...} expression",
            "coursesales.fields.11O => city => configuration error: coursesales.fields.11O: '11O' is not a FieldId (a whole number"
                    + " above 0, from the field's edit URL in CourseSales)",
            "coursesales.fields.110 => ${body.city => configuration error: coursesales.fields.110 = ${body.city: the expression"
                    + " does not parse: expected symbol functionEnd but was eol at location 10",
            "coursesales.fields.110 => ${body.town} => configuration error: coursesales.fields.110 = ${body.town}: the Moodle"
                    + " record has no 'town': use ${body.<value>} with one of userId, username, firstName, lastName, email,"
                    + " phone1, phone2, userIdnumber, institution, department, city, country, customFields, courseId,"
                    + " courseShortname, courseFullname, courseIdnumber, categoryId, enrolmentId, roles, timeCreated,"
                    + " timeStart, source, sourceReference",
            "coursesales.fields.103 => username => configuration error: FieldId 103 is mapped twice, by coursesales.field.email"
                    + " and by coursesales.fields.103: a field takes one value, so remove one of them"})
    void aMalformedMappingStopsTheStartWithOneLineNamingTheProperty(String key, String value, String expected)
            throws Exception {
        Map<String, String> properties = new HashMap<>(SyncHarness.DEMO_MAPPING);
        properties.putAll(Map.of("moodle.url", "http://127.0.0.1:9", "moodle.token", "token-never-used",
                "coursesales.url", "http://127.0.0.1:9/soap/v1", "coursesales.password", "password-never-used",
                "state.jdbc-url", "jdbc:h2:mem:malformed-mapping"));
        properties.put(key, value);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = SyncMain.run(new String[] {"--once"}, properties);
        } finally {
            System.setErr(stderr);
        }
        assertEquals(2, status);
        assertEquals(expected, err.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void theNamedShorthandsStayTheSameMechanism() throws Exception {
        // without any coursesales.fields.*: what a deployment of before this change sends, it sends still
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").start();
        sync.poll();
        Map<Integer, String> john = document(5).fieldValues();
        assertEquals(Map.of(101, "John", 102, "Doe", 103, "john.doe@example.com", 104, "+1 555 0100", 105, "+1 555 0199",
                106, "5"), john);
        assertNull(john.get(FIELD_CITY));
        assertTrue(sync.deadLetters().isEmpty());
    }
}
