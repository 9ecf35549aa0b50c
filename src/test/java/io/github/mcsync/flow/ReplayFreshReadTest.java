package io.github.mcsync.flow;

import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.FIELD_EMAIL;
import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.FIELD_FIRST_NAME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mcsync.LogCapture;
import io.github.mcsync.SyncHarness;
import io.github.mcsync.demo.coursesales.StoredDocument;
import io.github.mcsync.demo.moodle.MoodleFailure;
import io.github.mcsync.demo.moodle.SimulatedUser;
import io.github.mcsync.ops.OpsClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, item 5: a replay uses today's data. It reads the dead letter's user and course again in Moodle (REST:
 * core_user_get_users_by_field, core_enrol_get_users_courses), validates them with fresh CourseSales metadata and
 * sends them; an enrolment no longer active in Moodle is not registered and its dead letter says so.
 */
class ReplayFreshReadTest extends FlowTestSupport {
    private OpsClient ops;
    private long student;
    private String key;

    /** PHYS101 with one student who has no email: dead-lettered MISSING_REQUIRED_VALUE (dead letter 1). */
    private void aStudentWithoutEmailIsDeadLettered() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").start();
        ops = OpsClient.of(sync);
        student = sync.moodle.addUser(SimulatedUser.builder("no.mail").firstname("Nomail").lastname("Student").build());
        sync.moodle.enrol(2, student, "student");
        key = "moodle:c2:u" + student;
        assertEquals("poll 1: 4 new, 3 sent, 1 dead-lettered", sync.poll().summary());
        assertEquals("MISSING_REQUIRED_VALUE", sync.deadLetters().get(0).get("REASON_CODE"));
    }

    private JsonNode replayOne() {
        return ops.post("/api/dead-letters/1/replay").json().get("outcomes").get(0);
    }

    private Map<String, Object> deadLetter() {
        return sync.deadLetters().get(0);
    }

    private List<String> historyEvents() {
        return ops.get("/api/dead-letters/1/history").json().findValuesAsText("event");
    }

    @Test
    void theEmailFilledInAtMoodleReachesCourseSalesOnReplay() throws Exception {
        aStudentWithoutEmailIsDeadLettered();
        // the operator fills in the email (and corrects the first name) in Moodle
        sync.moodle.updateUser(student, SimulatedUser.builder("no.mail").firstname("Noémie").lastname("Student")
                .email("noemie.student@example.edu").build());

        JsonNode outcome = replayOne();

        assertEquals("DELIVERED", outcome.get("outcome").asText(), outcome.toString());
        StoredDocument sent = sync.courseSales.documents().stream().filter(d -> d.sourceReference().equals(key))
                .findFirst().orElseThrow();
        assertEquals("noemie.student@example.edu", sent.fieldValues().get(FIELD_EMAIL));
        assertEquals("Noémie", sent.fieldValues().get(FIELD_FIRST_NAME));
        assertEquals(1, sync.courseSales.documentCount(key));
        assertEquals("REPLAYED", deadLetter().get("STATUS"));
        assertEquals(1, sync.moodle.requestCount("core_user_get_users_by_field"));
        assertEquals(1, sync.moodle.requestCount("core_enrol_get_users_courses"));
    }

    @Test
    void aStudentUnenrolledInMoodleIsNotRegisteredAndTheDeadLetterSaysWhy() throws Exception {
        aStudentWithoutEmailIsDeadLettered();
        sync.moodle.updateUser(student, SimulatedUser.builder("no.mail").firstname("Nomail").lastname("Student")
                .email("late.fix@example.edu").build());
        sync.moodle.unenrol(2, student); // meanwhile the student left the course
        int submissions = sync.courseSales.callCount("SubmitRegistration");

        JsonNode outcome = replayOne();

        assertEquals("FAILED_AGAIN", outcome.get("outcome").asText(), outcome.toString());
        assertEquals("NO_LONGER_ENROLLED", outcome.get("reasonCode").asText());
        assertEquals(submissions, sync.courseSales.callCount("SubmitRegistration"), "nothing is sent");
        assertEquals(0, sync.courseSales.documentCount(key));
        assertEquals("NO_LONGER_ENROLLED", deadLetter().get("REASON_CODE"));
        assertEquals("NEW", deadLetter().get("STATUS"), "it waits for the operator: discard it, or replay once re-enrolled");
        assertEquals(2, ((Number) deadLetter().get("ATTEMPTS")).intValue());
        String reason = (String) deadLetter().get("REASON_TEXT");
        assertTrue(reason.contains("no longer actively enrolled in course 2"), reason);
        JsonNode shown = ops.get("/api/dead-letters/1").json();
        assertTrue(shown.get("advice").asText().startsWith("A replay read the enrolment again in Moodle"), shown.toString());
        assertEquals(List.of("FAILED", "REPLAY_REQUESTED", "FAILED"), historyEvents());

        // enrolled again (suspended first, then active): the next replay registers today's data
        sync.moodle.enrol(2, student, "student", true, 0, 0);
        assertEquals("NO_LONGER_ENROLLED", replayOne().get("reasonCode").asText(), "a suspended enrolment is not active");
        sync.moodle.setEnrolmentSuspended(2, student, false);
        assertEquals("DELIVERED", replayOne().get("outcome").asText());
        assertEquals("late.fix@example.edu", sync.courseSales.documents().stream()
                .filter(d -> d.sourceReference().equals(key)).findFirst().orElseThrow().fieldValues().get(FIELD_EMAIL));
    }

    @Test
    void aStudentDeletedInMoodleIsNotRegistered() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").start();
        ops = OpsClient.of(sync);
        sync.poll();
        long gone = sync.moodle.addUser(SimulatedUser.builder("gone").firstname("Gone").lastname("Soon").email("g@x.org").build());
        sync.moodle.enrol(2, gone, "student");
        sync.courseSales.faultNextSubmissions(1, "FIELD_INACTIVE");
        assertEquals(1, sync.poll().deadLetteredCount());
        sync.moodle.deleteUser(gone); // an administrator deletes the account in Moodle

        JsonNode outcome = replayOne();

        assertEquals("NO_LONGER_ENROLLED", outcome.get("reasonCode").asText(), outcome.toString());
        assertTrue(outcome.get("reasonText").asText().contains("no longer exists"), outcome.toString());
    }

    @Test
    void whenMoodleCannotBeReadTheDeadLetterWaitsAndNothingIsSent() throws Exception {
        aStudentWithoutEmailIsDeadLettered();
        sync.moodle.updateUser(student, SimulatedUser.builder("no.mail").firstname("Nomail").lastname("Student")
                .email("fixed@example.edu").build());
        sync.moodle.failNext(1, MoodleFailure.HTTP_500);

        JsonNode outcome = replayOne();

        assertEquals("MOODLE_UNAVAILABLE", outcome.get("outcome").asText(), outcome.toString());
        assertEquals("NEW", deadLetter().get("STATUS"), "reopened at once, never left REPLAY_REQUESTED");
        assertEquals(List.of("FAILED", "REPLAY_REQUESTED", "REOPENED"), historyEvents());
        assertEquals(0, sync.courseSales.documentCount(key));
        assertEquals("RUNNING", ops.get("/api/status").json().get("state").asText(), "a 500 is not a halt");

        assertEquals("DELIVERED", replayOne().get("outcome").asText(), "Moodle answers again");
        assertEquals(1, sync.courseSales.documentCount(key));
    }

    @Test
    void aTokenRefusedDuringTheReadHaltsMoodleAndTheReplayWaits() throws Exception {
        aStudentWithoutEmailIsDeadLettered();
        sync.moodle.setToken("rotated-in-moodle-0002");

        assertEquals("MOODLE_UNAVAILABLE", replayOne().get("outcome").asText());
        JsonNode status = ops.get("/api/status").json();
        assertEquals("HALTED", status.get("state").asText(), status.toString());
        int moodleCalls = sync.moodle.requests().size();
        JsonNode whileHalted = replayOne();
        assertEquals("MOODLE_UNAVAILABLE", whileHalted.get("outcome").asText());
        assertTrue(whileHalted.get("reasonText").asText().startsWith("Moodle is halted"), whileHalted.toString());
        assertEquals(moodleCalls, sync.moodle.requests().size(), "no Moodle call while Moodle is halted");
        assertEquals("NEW", deadLetter().get("STATUS"));
    }

    @Test
    void aWebServiceWithoutTheReplaysFunctionsFailsTheReplaysOnlyAndSaysWhichToAdd() throws Exception {
        aStudentWithoutEmailIsDeadLettered();
        sync.moodle.failNext(1, MoodleFailure.ACCESS_EXCEPTION); // core_user_get_users_by_field is not in the service

        JsonNode outcome = replayOne();

        assertEquals("MOODLE_UNAVAILABLE", outcome.get("outcome").asText(), outcome.toString());
        assertTrue(outcome.get("reasonText").asText().contains("add core_user_get_users_by_field and"
                + " core_enrol_get_users_courses to the web service"), outcome.toString());
        assertEquals("RUNNING", ops.get("/api/status").json().get("state").asText(), "polls do not need them: no halt");
        assertEquals("NEW", deadLetter().get("STATUS"));
    }

    @Test
    void aSourceWithoutAFreshReadReplaysTheStoredEnrolmentAndSaysSo() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").start();
        ops = OpsClient.of(sync);
        sync.poll();
        long later = sync.moodle.addUser(SimulatedUser.builder("later").firstname("Later").lastname("On")
                .email("stored@example.edu").build());
        sync.moodle.enrol(2, later, "student");
        sync.courseSales.faultNextSubmissions(1, "FIELD_INACTIVE");
        assertEquals(1, sync.poll().deadLetteredCount());
        sync.moodle.updateUser(later, SimulatedUser.builder("later").firstname("Later").lastname("On")
                .email("changed@example.edu").build());
        // the database source (its pool connects on the first poll, which does not run here) supplies no fresh read
        sync.with("moodle.source", "db").with("moodle.db.url", "jdbc:postgresql://127.0.0.1:9/moodle").restart();
        ops = OpsClient.of(sync);
        sync.moodle.clearRequests();

        try (LogCapture logs = new LogCapture()) {
            assertEquals("DELIVERED", replayOne().get("outcome").asText());
            assertTrue(logs.all().contains("moodle.source=db has no fresh read for replays: the stored enrolment is"
                    + " replayed as it was dead-lettered"), logs.all());
        }
        assertEquals("stored@example.edu", sync.courseSales.documents().stream()
                .filter(d -> d.sourceReference().equals("moodle:c2:u" + later)).findFirst().orElseThrow()
                .fieldValues().get(FIELD_EMAIL));
        assertEquals(0, sync.moodle.requests().size(), "no Moodle call");
    }
}
