package io.github.mcsync.flow;

import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.USERNAME;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mcsync.SyncHarness;
import io.github.mcsync.demo.moodle.SimulatedUser;
import io.github.mcsync.ops.OpsClient;
import org.junit.jupiter.api.Test;

/**
 * The console's "In flight: 1" after a refused login: a SubmitRegistration that CourseSales refused (the password was
 * changed in CourseSales) created no document, so it leaves no in-flight mark behind, and the record goes later
 * without a FindDocuments.
 */
class RefusedLoginInFlightTest extends FlowTestSupport {

    @Test
    void aSubmissionRefusedForItsLoginLeavesNothingInFlight() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").start();
        OpsClient ops = OpsClient.of(sync);
        sync.poll(); // the metadata is cached: the next poll's first CourseSales call is the SubmitRegistration
        long id = sync.moodle.addUser(SimulatedUser.builder("refused.1").firstname("Ref").lastname("Used")
                .email("refused.1@example.com").build());
        sync.moodle.enrol(2, id, "student");
        sync.courseSales.setCredentials(USERNAME, "rotated-in-coursesales");

        sync.poll();

        JsonNode status = ops.get("/api/status").json();
        assertEquals("HALTED", status.get("state").asText());
        assertEquals(1, sync.courseSales.failedLoginAttempts());
        assertEquals(4, sync.courseSales.callCount("SubmitRegistration"), "the refused one was a SubmitRegistration");
        assertEquals(0, status.get("inFlight").asInt(), "a refused login created no document: nothing in flight");

        sync.courseSales.setCredentials(USERNAME, io.github.mcsync.demo.coursesales.CourseSalesDemoData.PASSWORD);
        ops.post("/api/resume");
        assertEquals(1, sync.poll().sentCount());
        assertEquals(0, sync.courseSales.callCount("FindDocuments"), "nothing to look up: no unknown outcome");
        assertEquals(1, sync.courseSales.documentCount("moodle:c2:u" + id));
    }
}
