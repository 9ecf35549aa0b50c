package io.github.mcsync.flow;

import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.FIELD_EMAIL;
import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.USERNAME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mcsync.LogCapture;
import io.github.mcsync.SyncHarness;
import io.github.mcsync.demo.coursesales.StoredDocument;
import io.github.mcsync.demo.moodle.SimulatedUser;
import io.github.mcsync.ops.OpsClient;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, item 6: the dead-letter payload is the enrolment as Moodle gave it, never rewritten by masking. With the
 * CourseSales password {@code moodle2}, a student's email {@code x@moodle2.edu} is stored, shown and sent unaltered;
 * masking stays where it belongs: our own texts (the reason text, log lines).
 */
class DeadLetterPayloadTest extends FlowTestSupport {
    private static final String PASSWORD = "moodle2";
    private static final String SOAP = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>";
    private static final String END = "</soap:Body></soap:Envelope>";

    @Test
    void aSecretInsideMoodleDataIsStoredShownAndSentUnaltered() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").with("coursesales.password", PASSWORD);
        sync.courseSales.setCredentials(USERNAME, PASSWORD);
        sync.start();
        OpsClient ops = OpsClient.of(sync);
        sync.poll(); // the three PHYS101 students; the metadata is cached from here on
        long x = sync.moodle.addUser(SimulatedUser.builder("x.student").firstname("Xavier").lastname("Student")
                .email("x@moodle2.edu").build());
        sync.moodle.enrol(2, x, "student");
        String key = "moodle:c2:u" + x;
        // CourseSales refuses the record with a message that quotes our password: the reason text is ours to mask
        sync.courseSales.answerNextCalls(1, 500, "text/xml", SOAP + "<soap:Fault><faultcode>soap:Client</faultcode>"
                + "<faultstring>rejected</faultstring><detail><CourseSalesFault xmlns=\"urn:coursesales:webservices:v1\">"
                + "<Code>INVALID_VALUE</Code><Message>FieldId 103: value rejected (login moodle-sync/" + PASSWORD
                + ")</Message></CourseSalesFault></detail></soap:Fault>" + END);

        try (LogCapture logs = new LogCapture()) {
            assertEquals(1, sync.poll().deadLetteredCount());

            String payload = (String) sync.deadLetters().get(0).get("PAYLOAD");
            assertTrue(payload.contains("\"email\":\"x@moodle2.edu\""), payload);
            String reason = (String) sync.deadLetters().get(0).get("REASON_TEXT");
            assertEquals("INVALID_VALUE", sync.deadLetters().get(0).get("REASON_CODE"));
            assertTrue(reason.contains("login moodle-sync/****"), reason);
            assertFalse(reason.contains(PASSWORD), reason);

            JsonNode shown = ops.get("/api/dead-letters/1").json();
            assertEquals("x@moodle2.edu", shown.get("enrolment").get("email").asText(), shown.toString());
            assertFalse(shown.get("reasonText").asText().contains(PASSWORD));

            JsonNode replay = ops.post("/api/dead-letters/1/replay").json();
            assertEquals("DELIVERED", replay.get("outcomes").get(0).get("outcome").asText(), replay.toString());
            StoredDocument sent = sync.courseSales.documents().stream().filter(d -> d.sourceReference().equals(key))
                    .findFirst().orElseThrow();
            assertEquals("x@moodle2.edu", sent.fieldValues().get(FIELD_EMAIL));
            assertFalse(logs.all().contains(PASSWORD), "no log line carries the password (nor the student's email)");
        }
    }
}
