package io.github.mcsync.flow;

import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.COURSE_DATE_PHYS101;
import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.FIELD_EMAIL;
import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.FIELD_FIRST_NAME;
import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.FIELD_LAST_NAME;
import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.FIELD_MOBILE;
import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.FIELD_MOODLE_ID;
import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.FIELD_PHONE;
import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.PASSWORD;
import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.PROCESS_ID;
import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.REGISTRATION_FORM_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mcsync.LogCapture;
import io.github.mcsync.SyncHarness;
import io.github.mcsync.demo.coursesales.StoredDocument;
import io.github.mcsync.demo.moodle.SimulatedUser;
import io.github.mcsync.feed.PollRun;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 2: new Moodle enrolments become CourseSales registrations, end to end, through the real routes. */
class WalkingSkeletonTest extends FlowTestSupport {

    private SyncHarness phys101() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").start();
        return sync;
    }

    private StoredDocument document(String sourceReference) {
        return sync.courseSales.documents().stream().filter(d -> d.sourceReference().equals(sourceReference))
                .findFirst().orElseThrow(() -> new AssertionError("no document for " + sourceReference));
    }

    private static Map<Integer, String> values(Object... pairs) {
        Map<Integer, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((Integer) pairs[i], (String) pairs[i + 1]);
        }
        return m;
    }

    @Test
    void threeNewStudentsBecomeThreeRegistrationsWithExactValues() throws Exception {
        PollRun run = phys101().poll();

        assertEquals("poll 1: 3 new, 3 sent, 0 dead-lettered", run.summary());
        assertTrue(run.ok());
        // PHYS101 also has a teacher (8), a suspended (7), an expired (9) and a not-yet-started (6) enrolment
        assertEquals(List.of("moodle:c2:u3", "moodle:c2:u4", "moodle:c2:u5"),
                sync.courseSales.documents().stream().map(StoredDocument::sourceReference).sorted().toList());

        StoredDocument zoe = document("moodle:c2:u3");
        assertEquals(REGISTRATION_FORM_ID, zoe.formId());
        assertEquals(PROCESS_ID, zoe.processId());
        assertEquals(COURSE_DATE_PHYS101, zoe.courseDateId());
        assertEquals("3", zoe.documentSourceId());
        assertEquals(values(FIELD_FIRST_NAME, "Zoë", FIELD_LAST_NAME, "Łukasz-O'Brien", FIELD_EMAIL, "zoe.lukasz@example.com",
                FIELD_PHONE, "+48 22 123 45 67", FIELD_MOODLE_ID, "3"), zoe.fieldValues());
        assertEquals(values(FIELD_FIRST_NAME, "Maximilian", FIELD_LAST_NAME, "Longusername", FIELD_EMAIL, "max.long@example.com",
                FIELD_MOODLE_ID, "4"), document("moodle:c2:u4").fieldValues());
        assertEquals(values(FIELD_FIRST_NAME, "John", FIELD_LAST_NAME, "Doe", FIELD_EMAIL, "john.doe@example.com",
                FIELD_PHONE, "+1 555 0100", FIELD_MOBILE, "+1 555 0199", FIELD_MOODLE_ID, "5"),
                document("moodle:c2:u5").fieldValues());

        // each key is done with the DocumentExternalId CourseSales gave it
        assertEquals(List.of("moodle:c2:u3", "moodle:c2:u4", "moodle:c2:u5"), sync.doneKeys());
        assertEquals(zoe.documentExternalId(), sync.state().queryForObject(
                "SELECT document_external_id FROM delivery WHERE source_reference = 'moodle:c2:u3'", String.class));
    }

    @Test
    void aSecondPollSendsNothingAndANewEnrolmentIsSentAlone() throws Exception {
        phys101().poll();
        PollRun second = sync.poll();
        assertEquals("poll 2: 0 new, 0 sent, 0 dead-lettered", second.summary());
        assertEquals(3, sync.courseSales.documents().size());

        long ada = sync.moodle.addUser(SimulatedUser.builder("ada.new").firstname("Ada").lastname("Nouvelle")
                .email("ada.new@example.com").build());
        sync.moodle.enrol(2, ada, "student");
        PollRun third = sync.poll();
        assertEquals("poll 3: 1 new, 1 sent, 0 dead-lettered", third.summary());
        assertEquals(4, sync.courseSales.documents().size());
        assertEquals(1, sync.courseSales.documentCount("moodle:c2:u" + ada));
    }

    @Test
    void aRestartWithTheSameStateDatabaseSendsNothingTwice() throws Exception {
        phys101().poll();
        sync.restart();
        PollRun afterRestart = sync.poll();
        assertEquals(0, afterRestart.sentCount());
        for (String key : List.of("moodle:c2:u3", "moodle:c2:u4", "moodle:c2:u5")) {
            assertEquals(1, sync.courseSales.documentCount(key), key);
        }
    }

    @Test
    void anInvalidTokenSendsNothingMarksNothingAndNeverLogsTheToken() throws Exception {
        String wrongToken = "wrong-token-7f3a9c";
        try (LogCapture log = new LogCapture()) {
            sync = new SyncHarness(stateDir).with("moodle.courses", "2").with("moodle.token", wrongToken).start();
            PollRun run = sync.poll();

            assertFalse(run.ok());
            assertNotNull(run.failure());
            assertTrue(run.failure().contains("invalidtoken"), run.failure());
            assertEquals(0, sync.courseSales.documents().size());
            assertEquals(List.of(), sync.doneKeys());
            assertEquals(List.of(), sync.deadLetters());
            List<String> failureLines = log.lines().stream().filter(l -> l.contains("invalidtoken")).toList();
            assertFalse(failureLines.isEmpty(), "one clear line says why the poll failed");
            assertFalse(log.all().contains(wrongToken), "the token is never logged");
            assertFalse(log.all().contains(PASSWORD), "the CourseSales password is never logged");
        }
    }

    @Test
    void aCourseSalesClientFaultIsDeadLetteredWithItsCode() throws Exception {
        phys101().poll();
        long newcomer = sync.moodle.addUser(SimulatedUser.builder("new.one").firstname("New").lastname("One")
                .email("new.one@example.com").build());
        sync.moodle.enrol(2, newcomer, "student");
        sync.courseSales.faultNextSubmissions(1, "FIELD_INACTIVE");

        PollRun run = sync.poll();

        assertEquals("poll 2: 1 new, 0 sent, 1 dead-lettered", run.summary());
        List<Map<String, Object>> rows = sync.deadLetters();
        assertEquals(1, rows.size());
        Map<String, Object> row = rows.get(0);
        assertEquals("moodle:c2:u" + newcomer, row.get("SOURCE_REFERENCE"));
        assertEquals("FIELD_INACTIVE", row.get("REASON_CODE"));
        assertEquals("send", row.get("STAGE"));
        assertEquals("NEW", row.get("STATUS"));
        String payload = (String) row.get("PAYLOAD");
        assertTrue(payload.contains("\"firstName\":\"New\""), payload);
        assertFalse(payload.contains(PASSWORD));
        assertFalse(sync.doneKeys().contains("moodle:c2:u" + newcomer), "a dead-lettered key is not done");

        PollRun next = sync.poll();
        assertEquals(0, next.freshCount(), "a dead-lettered record waits for replay, it is not sent again by polls");
        assertEquals(1, sync.deadLetters().size());
    }

    @Test
    void unicodeAndMarkupArriveByteExact() throws Exception {
        String first = "Ann & <Bob> \"Q\" 'x'";
        String last = "小龍 😀 Ñoño 𝔘";
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").start();
        long id = sync.moodle.addUser(SimulatedUser.builder("ann.bob").firstname(first).lastname(last)
                .email("ann+tag@example.com").build());
        sync.moodle.enrol(2, id, "student");

        sync.poll();

        StoredDocument d = document("moodle:c2:u" + id);
        assertEquals(first, d.fieldValues().get(FIELD_FIRST_NAME));
        assertEquals(last, d.fieldValues().get(FIELD_LAST_NAME));
        assertEquals("ann+tag@example.com", d.fieldValues().get(FIELD_EMAIL));
    }

    @Test
    void startNowRecordsABaselineAndSendsOnlyLaterEnrolments() throws Exception {
        try (LogCapture log = new LogCapture()) {
            sync = new SyncHarness(stateDir).with("moodle.courses", "2").with("moodle.start", "now").start();
            PollRun first = sync.poll();
            assertEquals(0, first.sentCount());
            assertEquals(0, sync.courseSales.documents().size());
            assertTrue(first.summary().contains("baseline, 3 existing enrolments recorded as known"), first.summary());
            assertTrue(log.all().contains("3 enrolments already in Moodle recorded as known"));
        }
        long later = sync.moodle.addUser(SimulatedUser.builder("later").firstname("Late").lastname("Comer")
                .email("late@example.com").build());
        sync.moodle.enrol(2, later, "student");
        sync.restart();
        PollRun second = sync.poll();
        assertEquals("poll 1: 1 new, 1 sent, 0 dead-lettered", second.summary(), "the baseline is taken once");
        assertEquals(List.of("moodle:c2:u" + later),
                sync.courseSales.documents().stream().map(StoredDocument::sourceReference).toList());
    }

    @Test
    void everyWatchedCourseIsPolledAndOfferCodesLinkCourseDates() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.page-size", "2").start();
        PollRun run = sync.poll();
        // PHYS101: 3, 4, 5; PHYS301 (offer codes "CODEB; CodeA"): 3, 7; FR-101: 3, 6, 10; hidden SCI-LAB and site: none
        assertEquals("poll 1: 8 new, 8 sent, 0 dead-lettered", run.summary());
        assertEquals(9002, document("moodle:c3:u7").courseDateId());
        assertTrue(sync.moodle.requestCount("core_enrol_get_enrolled_users") >= 6, "pages of 2 users");
    }

    @Test
    void aTransientFailureIsTriedFiveTimesThenInterruptsThePollAndTheNextPollDeliversIt() throws Exception {
        phys101().poll(); // metadata cached
        long newcomer = sync.moodle.addUser(SimulatedUser.builder("retry.me").firstname("Re").lastname("Try")
                .email("retry@example.com").build());
        sync.moodle.enrol(2, newcomer, "student");
        sync.courseSales.resetCallCounts();
        sync.courseSales.faultNextCalls(5, "RATE_LIMITED");

        PollRun run = sync.poll();

        assertEquals("INTERRUPTED", run.outcome(), run.summary());
        assertTrue(run.summary().startsWith("poll 2: 0 new, 0 sent, 0 dead-lettered; interrupted: CourseSales"
                + " unavailable: RATE_LIMITED"), run.summary());
        assertEquals(5, sync.courseSales.callCount("SubmitRegistration"), "the default is 5 attempts in all");
        assertEquals(List.of(), sync.deadLetters(), "the enrolment waits at its source");

        assertEquals(1, sync.poll().sentCount(), "the next poll tries it again");
        assertEquals(1, sync.courseSales.documentCount("moodle:c2:u" + newcomer));
    }
}
