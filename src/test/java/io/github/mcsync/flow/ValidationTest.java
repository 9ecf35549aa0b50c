package io.github.mcsync.flow;

import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.CATEGORY_LANGUAGES;
import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.CATEGORY_PHYSICS;
import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.CONTACT_FORM_ID;
import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.FIELD_PHONE;
import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.PATH_STANDARD;
import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.PROCESS_ID;
import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.REGISTRATION_FORM_ID;
import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.STEP_CONFIRMED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mcsync.LogCapture;
import io.github.mcsync.SyncHarness;
import io.github.mcsync.demo.coursesales.CourseSalesSimulator;
import io.github.mcsync.demo.moodle.SimulatedUser;
import io.github.mcsync.feed.PollRun;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue 3: every reason code through the real routes, each breaking exactly one thing in the simulators. */
class ValidationTest extends FlowTestSupport {

    private SyncHarness phys101(Map<String, String> properties) throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2");
        properties.forEach(sync::with);
        return sync.start();
    }

    record Breakage(String code, Map<String, String> properties, Consumer<CourseSalesSimulator> breakIt,
                    Consumer<CourseSalesSimulator> fixIt) {
        @Override
        public String toString() {
            return code;
        }
    }

    static Stream<Arguments> configurationBreakages() {
        return Stream.of(
                new Breakage("FIELD_NOT_FOUND", Map.of("coursesales.field.mobile", "999"), cs -> { }, null),
                new Breakage("FIELD_INACTIVE", Map.of(), cs -> cs.setFieldStatus(REGISTRATION_FORM_ID, FIELD_PHONE, "Inactive"),
                        cs -> cs.setFieldStatus(REGISTRATION_FORM_ID, FIELD_PHONE, "Active")),
                new Breakage("CONTACT_FORM_MANDATORY_FIELD", Map.of(),
                        cs -> cs.addField(CONTACT_FORM_ID, 204, "Date of birth", "Date", true),
                        cs -> cs.setFieldMandatory(CONTACT_FORM_ID, 204, false)),
                new Breakage("FORM_INACTIVE", Map.of(), cs -> cs.setFormStatus(REGISTRATION_FORM_ID, "Draft"),
                        cs -> cs.setFormStatus(REGISTRATION_FORM_ID, "Active")),
                new Breakage("FORM_NOT_PUBLISHED", Map.of(), cs -> cs.setFormPublished(REGISTRATION_FORM_ID, false),
                        cs -> cs.setFormPublished(REGISTRATION_FORM_ID, true)),
                new Breakage("FORM_NOT_FOUND", Map.of("coursesales.form-id", "404"), cs -> { }, null),
                new Breakage("PROCESS_NOT_FOUND", Map.of("coursesales.process-id", "404"), cs -> { }, null),
                new Breakage("PROCESS_STEP_INACTIVE", Map.of(), cs -> cs.setProcessStepStatus(PROCESS_ID, STEP_CONFIRMED, "Inactive"),
                        cs -> cs.setProcessStepStatus(PROCESS_ID, STEP_CONFIRMED, "Active")),
                new Breakage("PROCESS_PATH_INACTIVE", Map.of(), cs -> cs.setProcessPathStatus(PROCESS_ID, PATH_STANDARD, "Inactive"),
                        cs -> cs.setProcessPathStatus(PROCESS_ID, PATH_STANDARD, "Active")),
                new Breakage("MISSING_REQUIRED_VALUE", Map.of(), cs -> cs.addField(REGISTRATION_FORM_ID, 109, "Date of birth", "Date", true),
                        cs -> cs.setFieldMandatory(REGISTRATION_FORM_ID, 109, false)),
                // issue 8 item 16: the rest of the checklist
                new Breakage("CONTACT_FORM_INACTIVE", Map.of(), cs -> cs.setFormStatus(CONTACT_FORM_ID, "Inactive"),
                        cs -> cs.setFormStatus(CONTACT_FORM_ID, "Active")),
                new Breakage("CONTACT_FORM_NOT_PUBLISHED", Map.of(), cs -> cs.setFormPublished(CONTACT_FORM_ID, false),
                        cs -> cs.setFormPublished(CONTACT_FORM_ID, true)),
                new Breakage("CONTACT_FORM_RECORD_TYPE", Map.of(), cs -> cs.setFormRecordType(CONTACT_FORM_ID, "Documents"),
                        cs -> cs.setFormRecordType(CONTACT_FORM_ID, "Contacts")),
                new Breakage("FORM_RECORD_TYPE", Map.of(), cs -> cs.setFormRecordType(REGISTRATION_FORM_ID, "Contacts"),
                        cs -> cs.setFormRecordType(REGISTRATION_FORM_ID, "Documents")),
                new Breakage("PROCESS_INACTIVE", Map.of(), cs -> cs.setProcessStatus(PROCESS_ID, "Inactive"),
                        cs -> cs.setProcessStatus(PROCESS_ID, "Active")),
                new Breakage("CLIENT_ID_FIELD", Map.of("identity.strategy", "moodle-userid"),
                        cs -> cs.addField(REGISTRATION_FORM_ID, 110, "Old client id", "Text", false, "AVETMISS 7.0 Client Identifier"),
                        null)
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0} halts the feed before any record; fixing it resumes by itself")
    @MethodSource("configurationBreakages")
    void aConfigurationProblemHaltsTheFeedWithoutDeadLetters(Breakage b) throws Exception {
        try (LogCapture log = new LogCapture()) {
            phys101(b.properties());
            b.breakIt().accept(sync.courseSales);

            PollRun run = sync.poll();

            assertEquals(0, sync.courseSales.documents().size());
            assertEquals(List.of(), sync.deadLetters(), "a configuration problem dead-letters nothing");
            assertEquals(List.of(), sync.doneKeys(), "nothing is consumed");
            assertFalse(run.ok());
            assertTrue(run.haltedReason() != null && run.haltedReason().contains(b.code()), run.summary());
            PollRun again = sync.poll();
            assertEquals(0, again.sentCount());
            long reasonLines = log.lines().stream().filter(l -> l.contains("Feed paused") && l.contains(b.code())).count();
            assertEquals(1, reasonLines, "the reason is logged once, not once per record or poll");
        }
        if (b.fixIt() != null) {
            b.fixIt().accept(sync.courseSales);
            PollRun fixed = sync.poll();
            assertEquals(3, fixed.sentCount(), fixed.summary());
            assertEquals(List.of(), sync.deadLetters());
        }
    }

    @Test
    void aCourseWithoutLinkIsDeadLetteredAndTheCaseHintIsGiven() throws Exception {
        sync = new SyncHarness(stateDir).start();
        long course = sync.moodle.addCourse("PHYS401", "Relativity", "codea", 4, true);
        long student = sync.moodle.addUser(SimulatedUser.builder("rel").firstname("Rel").lastname("Ativity").email("r@x.org").build());
        sync.moodle.enrol(course, student, "student");

        PollRun run = sync.poll();

        assertEquals("poll 1: 9 new, 8 sent, 1 dead-lettered", run.summary());
        Map<String, Object> row = sync.deadLetters().get(0);
        assertEquals("UNMAPPED_COURSE", row.get("REASON_CODE"));
        assertTrue(((String) row.get("REASON_TEXT")).contains("'codea' matches course date 'CodeA' only if case is ignored"),
                (String) row.get("REASON_TEXT"));
    }

    @Test
    void anInactiveCategoryDeadLettersItsRecordsOnly() throws Exception {
        sync = new SyncHarness(stateDir).start();
        sync.courseSales.setOptionStatus(CATEGORY_PHYSICS, "Inactive");
        PollRun run = sync.poll();
        // PHYS101 (3) and PHYS301 (2) are in the Physics category; FR-101 (3) goes through
        assertEquals("poll 1: 8 new, 3 sent, 5 dead-lettered", run.summary());
        assertTrue(sync.deadLetters().stream().allMatch(r -> "CATEGORY_INACTIVE".equals(r.get("REASON_CODE"))));
    }

    @Test
    void aCategoryWithAnotherMoodleCategoryIdNamesBothIds() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "4").start();
        sync.courseSales.setCategoryMoodleId(CATEGORY_LANGUAGES, 99);
        PollRun run = sync.poll();
        assertEquals("poll 1: 3 new, 0 sent, 3 dead-lettered", run.summary());
        Map<String, Object> row = sync.deadLetters().get(0);
        assertEquals("CATEGORY_MISMATCH", row.get("REASON_CODE"));
        String text = (String) row.get("REASON_TEXT");
        assertTrue(text.contains("Moodle Category Id 99") && text.contains("Moodle category 3"), text);
    }

    @Test
    void aUserWithoutEmailAndAnOverlongNameAreDeadLettered() throws Exception {
        phys101(Map.of());
        long noEmail = sync.moodle.addUser(SimulatedUser.builder("no.mail").firstname("No").lastname("Mail").build());
        long longName = sync.moodle.addUser(SimulatedUser.builder("long.name").firstname("L".repeat(256)).lastname("N")
                .email("l@x.org").build());
        sync.moodle.enrol(2, noEmail, "student");
        sync.moodle.enrol(2, longName, "student");

        PollRun run = sync.poll();

        assertEquals("poll 1: 5 new, 3 sent, 2 dead-lettered", run.summary());
        assertEquals(Map.of("moodle:c2:u" + noEmail, "MISSING_REQUIRED_VALUE", "moodle:c2:u" + longName, "INVALID_VALUE"),
                Map.of((String) sync.deadLetters().get(0).get("SOURCE_REFERENCE"), sync.deadLetters().get(0).get("REASON_CODE"),
                        (String) sync.deadLetters().get(1).get("SOURCE_REFERENCE"), sync.deadLetters().get(1).get("REASON_CODE")));
        assertEquals(0, sync.courseSales.callCount("SubmitRegistration") - 3, "nothing known to fail was sent");
    }

    @Test
    void aFixMadeAMinuteAgoIsSeenBeforeDeadLettering() throws Exception {
        sync = new SyncHarness(stateDir).start();
        sync.poll(); // metadata cached
        long course = sync.moodle.addCourse("PHYS501", "Optics", "", 4, true);
        long student = sync.moodle.addUser(SimulatedUser.builder("opt").firstname("Opt").lastname("Ics").email("o@x.org").build());
        sync.moodle.enrol(course, student, "student");
        sync.courseSales.addCourseDate(9010, "PHYS501 Semester 1", null, (int) course, CATEGORY_PHYSICS);

        PollRun run = sync.poll();

        assertEquals("poll 2: 1 new, 1 sent, 0 dead-lettered", run.summary());
        assertEquals(9010, sync.courseSales.documents().get(8).courseDateId());
        assertEquals(2, sync.courseSales.callCount("GetCourseDates"), "refreshed once");
    }

    @Test
    void aThousandEnrolmentsWaitOutAConfigurationProblemAndAllArriveAfterTheFix() throws Exception {
        phys101(Map.of());
        for (int i = 0; i < 997; i++) {
            long id = sync.moodle.addUser(SimulatedUser.builder("bulk" + i).firstname("Bulk").lastname("Nr " + i)
                    .email("bulk" + i + "@example.com").build());
            sync.moodle.enrol(2, id, "student");
        }
        sync.courseSales.setFormPublished(REGISTRATION_FORM_ID, false);

        PollRun halted = sync.poll();

        assertEquals(0, halted.sentCount());
        assertEquals(List.of(), sync.deadLetters());
        assertEquals(0, sync.courseSales.failedLoginAttempts());

        sync.courseSales.setFormPublished(REGISTRATION_FORM_ID, true);
        PollRun fixed = sync.poll();

        assertEquals(1000, fixed.sentCount(), fixed.summary());
        assertEquals(1000, sync.courseSales.documents().size());
        assertEquals(List.of(), sync.deadLetters());
        int metadataCalls = sync.courseSales.callCount("GetForm") + sync.courseSales.callCount("GetProcess")
                + sync.courseSales.callCount("GetOptions") + sync.courseSales.callCount("GetCourseDates");
        assertTrue(metadataCalls <= 20, "metadata calls stay far below one per record: " + metadataCalls);
    }
}
