package io.github.mcsync.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mcsync.SyncHarness;
import io.github.mcsync.SyncMain;
import io.github.mcsync.demo.coursesales.CourseSalesDemoData;
import io.github.mcsync.demo.coursesales.StoredDocument;
import io.github.mcsync.demo.moodle.SimulatedUser;
import io.github.mcsync.feed.PollRun;
import io.github.mcsync.ops.OpsClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: the preview (GET /api/preview, {@code java -jar ... preview}) says, record by record, what the next poll
 * then does; it sends nothing (the simulators' counts) and writes no state (every table's row count).
 */
class PreviewTest extends FlowTestSupport {
    private static final List<String> SENDING_CALLS = List.of("SubmitRegistration", "FindDocuments");

    /** Rows per table of the state database (every table, so a table added later is watched too). */
    private Map<String, Integer> rowCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (String table : sync.state().queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'", String.class)) {
            counts.put(table, sync.state().queryForObject("SELECT COUNT(*) FROM \"" + table + "\"", Integer.class));
        }
        return counts;
    }

    private Map<String, Integer> sendingCalls() {
        Map<String, Integer> calls = new LinkedHashMap<>();
        SENDING_CALLS.forEach(op -> calls.put(op, sync.courseSales.callCount(op)));
        return calls;
    }

    private JsonNode preview() {
        OpsClient.Answer answer = OpsClient.of(sync).get("/api/preview");
        assertEquals(200, answer.status(), answer.toString());
        return answer.json();
    }

    private static Map<String, JsonNode> bySourceReference(JsonNode preview) {
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        preview.get("records").forEach(r -> rows.put(r.get("sourceReference").asText(), r));
        return rows;
    }

    private long enrol(long course, SimulatedUser user) {
        long id = sync.moodle.addUser(user);
        sync.moodle.enrol(course, id, "student");
        return id;
    }

    private Map<String, Map<String, Object>> deadLettersByKey() {
        Map<String, Map<String, Object>> rows = new HashMap<>();
        sync.deadLetters().forEach(r -> rows.put((String) r.get("SOURCE_REFERENCE"), r));
        return rows;
    }

    private StoredDocument document(String key) {
        return sync.courseSales.documents().stream().filter(d -> d.sourceReference().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("CourseSales has no document for " + key));
    }

    @Test
    void theVerdictsAreWhatTheNextPollDoesRecordByRecordAndThePreviewSendsAndWritesNothing() throws Exception {
        sync = new SyncHarness(stateDir).start();
        assertEquals(8, sync.poll().sentCount()); // the fixture's 8 enrolments: already sent from now on
        long stuck = enrol(3, SimulatedUser.builder("stuck.one").firstname("Stuck").lastname("One")
                .email("stuck@example.com").build());
        sync.courseSales.faultNextSubmissions(1, "FIELD_INACTIVE");
        assertEquals(1, sync.poll().deadLetteredCount()); // waiting in dead letters from now on
        long valid = enrol(2, SimulatedUser.builder("new.valid").firstname("Nova").lastname("Valid")
                .email("nova@example.com").phone1("+61 2 5550 0001").build());
        long noMail = enrol(2, SimulatedUser.builder("no.mail").firstname("No").lastname("Mail").build());
        long unlinkedCourse = sync.moodle.addCourse("PHYS401", "Relativity", "NO-SUCH-CODE", 4, true);
        long unlinked = enrol(unlinkedCourse, SimulatedUser.builder("rel.ativity").firstname("Rel").lastname("Ativity")
                .email("rel@example.com").build());
        Map<String, Integer> rowsBefore = rowCounts();
        Map<String, Integer> callsBefore = sendingCalls();
        int documentsBefore = sync.courseSales.documents().size();
        Map<String, Map<String, Object>> deadLettersBefore = deadLettersByKey();

        JsonNode preview = preview();

        assertEquals(rowsBefore, rowCounts(), "the preview wrote no state");
        assertEquals(callsBefore, sendingCalls(), "the preview sent nothing (and asked FindDocuments nothing)");
        assertEquals(documentsBefore, sync.courseSales.documents().size());
        assertEquals("RUNNING", preview.get("state").asText());
        assertFalse(preview.get("baseline").asBoolean());
        Map<String, JsonNode> rows = bySourceReference(preview);
        assertEquals(12, rows.size(), preview.toPrettyString());
        String validKey = "moodle:c2:u" + valid;
        JsonNode send = rows.get(validKey);
        assertEquals("WOULD_SEND", send.get("verdict").asText(), send.toPrettyString());
        assertEquals(CourseSalesDemoData.COURSE_DATE_PHYS101, send.get("courseDate").get("id").asInt());
        assertEquals("Nova Valid", send.get("name").asText());
        JsonNode noMailRow = rows.get("moodle:c2:u" + noMail);
        assertEquals("WOULD_DEAD_LETTER", noMailRow.get("verdict").asText());
        assertEquals("MISSING_REQUIRED_VALUE", noMailRow.get("reasonCode").asText());
        assertTrue(noMailRow.get("advice").asText().contains("fill it in the Moodle user's profile"), noMailRow.toString());
        JsonNode unlinkedRow = rows.get("moodle:c" + unlinkedCourse + ":u" + unlinked);
        assertEquals("UNMAPPED_COURSE", unlinkedRow.get("reasonCode").asText(), unlinkedRow.toString());
        JsonNode waiting = rows.get("moodle:c3:u" + stuck);
        assertEquals("WAITING_IN_DEAD_LETTERS", waiting.get("verdict").asText());
        assertEquals("FIELD_INACTIVE", waiting.get("reasonCode").asText());
        assertTrue(waiting.get("advice").asText().contains("in CourseSales"), "a CourseSales code has its sentence too");
        JsonNode sent = rows.get("moodle:c2:u3");
        assertEquals("ALREADY_SENT", sent.get("verdict").asText());
        assertEquals("DELIVERED", sent.get("recorded").get("outcome").asText());
        assertEquals(document("moodle:c2:u3").documentExternalId(), sent.get("recorded").get("documentExternalId").asText());
        assertEquals(Map.of("ALREADY_SENT", 8, "WOULD_SEND", 1, "WOULD_DEAD_LETTER", 2, "WAITING_IN_DEAD_LETTERS", 1),
                Map.of("ALREADY_SENT", preview.get("counts").get("ALREADY_SENT").asInt(),
                        "WOULD_SEND", preview.get("counts").get("WOULD_SEND").asInt(),
                        "WOULD_DEAD_LETTER", preview.get("counts").get("WOULD_DEAD_LETTER").asInt(),
                        "WAITING_IN_DEAD_LETTERS", preview.get("counts").get("WAITING_IN_DEAD_LETTERS").asInt()));

        PollRun poll = sync.poll();

        assertEquals(rows.size(), poll.foundCount(), "the poll picked up exactly the previewed enrolments");
        Map<String, Map<String, Object>> deadLetters = deadLettersByKey();
        for (JsonNode row : rows.values()) {
            String key = row.get("sourceReference").asText();
            switch (row.get("verdict").asText()) {
                case "WOULD_SEND" -> {
                    StoredDocument d = document(key);
                    assertEquals(row.get("courseDate").get("id").asInt(), d.courseDateId(), key);
                    Map<Integer, String> previewed = new LinkedHashMap<>();
                    row.get("fields").forEach(f -> previewed.put(f.get("fieldId").asInt(), f.get("value").asText()));
                    assertEquals(previewed, d.fieldValues(), key + ": the values previewed are the values sent");
                    assertNull(deadLetters.get(key), key);
                }
                case "WOULD_DEAD_LETTER" -> {
                    assertEquals(row.get("reasonCode").asText(), deadLetters.get(key).get("REASON_CODE"), key);
                    assertEquals(row.get("reason").asText(), deadLetters.get(key).get("REASON_TEXT"), key);
                    assertNull(deadLettersBefore.get(key), key + " is a new dead letter");
                    assertEquals(0, sync.courseSales.documentCount(key), key);
                }
                case "ALREADY_SENT" -> assertEquals(1, sync.courseSales.documentCount(key), key + ": not sent again");
                case "WAITING_IN_DEAD_LETTERS" -> {
                    assertEquals(0, sync.courseSales.documentCount(key), key);
                    assertEquals(deadLettersBefore.get(key).get("ID"), deadLetters.get(key).get("ID"), key);
                    assertEquals("NEW", deadLetters.get(key).get("STATUS"), key);
                }
                default -> throw new AssertionError("unexpected verdict " + row);
            }
        }
        assertEquals("poll 3: 3 new, 1 sent, 2 dead-lettered, 1 waiting in dead letters", poll.summary());
    }

    @Test
    void aBaselineIsPreviewedAsSuchAndTheFirstPollRecordsExactlyThoseEnrolments() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.start", "now").start();
        Map<String, Integer> rowsBefore = rowCounts();

        JsonNode preview = preview();

        assertEquals(rowsBefore, rowCounts(), "the preview took no baseline");
        assertTrue(preview.get("baseline").asBoolean());
        Map<String, JsonNode> rows = bySourceReference(preview);
        assertEquals(8, rows.size());
        rows.values().forEach(r -> assertEquals("BASELINE", r.get("verdict").asText(), r.toString()));

        PollRun poll = sync.poll();

        assertEquals(8, poll.baselineCount());
        assertEquals(List.copyOf(new java.util.TreeSet<>(rows.keySet())), sync.state().queryForList(
                "SELECT source_reference FROM delivery WHERE outcome = 'BASELINE' ORDER BY source_reference", String.class));
        assertEquals(0, sync.courseSales.documents().size());
    }

    @Test
    void twoNewUsersWhoseIdentifiersCollideArePreviewedAsThePollDecidesAndNoIdentifierIsAssigned() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").with("identity.strategy", "username").start();
        long twin = enrol(2, SimulatedUser.builder("maximilian.second.account").firstname("Max").lastname("Twin")
                .email("twin@example.com").build());

        Map<String, JsonNode> rows = bySourceReference(preview());

        assertEquals(0, sync.state().queryForObject("SELECT COUNT(*) FROM identity_assignment", Integer.class),
                "identifiers are tentative in a preview");
        JsonNode max = rows.get("moodle:c2:u4");
        assertEquals("WOULD_SEND", max.get("verdict").asText(), max.toString());
        assertTrue(max.toString().contains("\"value\":\"maximilian\""), max.toString());
        JsonNode collision = rows.get("moodle:c2:u" + twin);
        assertEquals("CLIENT_ID_NOT_UNIQUE", collision.get("reasonCode").asText(), collision.toString());

        sync.poll();

        assertEquals("CLIENT_ID_NOT_UNIQUE", deadLettersByKey().get("moodle:c2:u" + twin).get("REASON_CODE"));
        assertEquals("maximilian", document("moodle:c2:u4").fieldValues().get(CourseSalesDemoData.FIELD_CLIENT_ID));
    }

    @Test
    void aRefusedLoginHaltsAsUsualAfterOneCallAndTheNextPreviewTriesNoLogin() throws Exception {
        // metadata older than its time-to-live: the preview must ask CourseSales, as the next poll would
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").with("coursesales.metadata.ttl", "0s").start();
        sync.poll();
        sync.courseSales.setCredentials(CourseSalesDemoData.USERNAME, "changed-in-coursesales");
        enrol(2, SimulatedUser.builder("first.new").firstname("First").lastname("New").email("f@example.com").build());
        enrol(2, SimulatedUser.builder("second.new").firstname("Second").lastname("New").email("s@example.com").build());

        JsonNode preview = preview();

        assertEquals(1, sync.courseSales.failedLoginAttempts(), "one failed login, whatever the number of records");
        List<String> verdicts = bySourceReference(preview).values().stream().map(r -> r.get("verdict").asText())
                .filter(v -> !v.equals("ALREADY_SENT")).toList();
        assertEquals(List.of("WOULD_HALT", "STAYS_AT_SOURCE"), verdicts, preview.toPrettyString());
        JsonNode halt = bySourceReference(preview).values().stream()
                .filter(r -> r.get("verdict").asText().equals("WOULD_HALT")).findFirst().orElseThrow();
        assertEquals("AUTHENTICATION_FAILED", halt.get("reasonCode").asText());
        assertTrue(halt.get("advice").asText().contains("coursesales.password"), halt.toString());
        assertFalse(preview.toString().contains("changed-in-coursesales") || preview.toString().contains(CourseSalesDemoData.PASSWORD),
                "no password in the answer");
        JsonNode status = OpsClient.of(sync).get("/api/status").json();
        assertEquals("HALTED", status.get("state").asText(), "a refused login halts as usual");

        JsonNode again = preview();

        assertEquals("HALTED", again.get("state").asText());
        assertEquals(0, again.get("records").size(), "a halted feed reads nothing");
        assertTrue(again.get("haltedReason").asText().contains("AUTHENTICATION_FAILED"));
        assertEquals(1, sync.courseSales.failedLoginAttempts(), "still one: a halted preview tries no login");
    }

    @Test
    void courseSalesUnavailableLeavesTheRestUncheckedAndWritesNothing() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").with("coursesales.metadata.ttl", "0s").start();
        sync.poll();
        enrol(2, SimulatedUser.builder("first.new").firstname("First").lastname("New").email("f@example.com").build());
        enrol(2, SimulatedUser.builder("second.new").firstname("Second").lastname("New").email("s@example.com").build());
        Map<String, Integer> rowsBefore = rowCounts();
        sync.courseSales.failNextCalls(1, 503);

        JsonNode preview = preview();

        List<String> verdicts = bySourceReference(preview).values().stream().map(r -> r.get("verdict").asText())
                .filter(v -> !v.equals("ALREADY_SENT")).toList();
        assertEquals(List.of("NOT_CHECKED", "STAYS_AT_SOURCE"), verdicts, preview.toPrettyString());
        assertEquals(rowsBefore, rowCounts(), "nothing dead-lettered, nothing written");
        assertEquals("RUNNING", OpsClient.of(sync).get("/api/status").json().get("state").asText(), "no halt for an outage");
        assertEquals(0, sync.courseSales.callCount("SubmitRegistration") - 3);
    }

    @Test
    void theDatabaseSourceIsNotPreviewedAndTheAnswerSaysSo() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").start();
        // the database pool is made at the first poll, not at start: nothing listens at this address
        sync.with("moodle.source", "db").with("moodle.db.url", "jdbc:postgresql://127.0.0.1:9/moodle")
                .with("moodle.db.username", "reader").with("moodle.db.password", "not-used").restart();

        JsonNode preview = preview();

        assertEquals(0, preview.get("records").size());
        assertTrue(preview.get("moodleFailure").asText().startsWith("PREVIEW_NOT_AVAILABLE"), preview.toString());
        assertEquals(0, sync.moodle.requestCount("core_enrol_get_enrolled_users"), "nothing was read");
    }

    @Test
    void theCommandLinePrintsATableAndSendsNothing() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").start();
        long noMail = enrol(2, SimulatedUser.builder("no.mail").firstname("No").lastname("Mail").build());
        Map<String, String> properties = new HashMap<>(sync.properties());
        sync.app().stop(); // the H2 state file is the one-off run's now; the simulators go on
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int status;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            status = SyncMain.run(new String[] {"preview"}, properties);
        } finally {
            System.setOut(stdout);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, sync.courseSales.callCount("SubmitRegistration"));
        assertEquals(0, status, printed);
        List<String> lines = printed.lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("VERDICT") && l.contains("SOURCE REFERENCE")), printed);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("WOULD_SEND") && l.contains("moodle:c2:u3")
                && l.contains("course date " + CourseSalesDemoData.COURSE_DATE_PHYS101)), printed);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("WOULD_DEAD_LETTER") && l.contains("moodle:c2:u" + noMail)
                && l.contains("MISSING_REQUIRED_VALUE")), printed);
        assertTrue(lines.contains("preview of 4 enrolments: 3 would be sent, 1 would be dead-lettered (nothing was sent,"
                + " nothing written)"), printed);
    }
}
