package io.github.mcsync.flow;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mcsync.SyncHarness;
import io.github.mcsync.demo.moodle.SimulatedUser;
import io.github.mcsync.feed.PollRun;
import io.github.mcsync.ops.OpsClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 8 item 8: an unknown outcome is resolved only when it can be known. CourseSales stores the registration two
 * seconds after it arrived, after our receive time-out (1 s): a FindDocuments right after the time-out would find
 * nothing and a second document would follow. The mark is neither looked up nor sent again before the receive time-out
 * plus coursesales.unknown-outcome-grace; a later poll finds the document: exactly one.
 */
class UnknownOutcomeTest extends FlowTestSupport {

    @Test
    void aSubmissionStoredAfterTheReceiveTimeOutEndsAsExactlyOneDocument() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").with("coursesales.receive-timeout", "1s")
                .with("coursesales.unknown-outcome-grace", "3s").start();
        OpsClient ops = OpsClient.of(sync);
        sync.poll();
        long id = sync.moodle.addUser(SimulatedUser.builder("slow.1").firstname("Slow").lastname("Store")
                .email("slow.1@example.com").build());
        sync.moodle.enrol(2, id, "student");
        String key = "moodle:c2:u" + id;
        sync.courseSales.setSubmissionDelay(Duration.ofSeconds(2));

        PollRun timedOut = sync.poll();
        assertEquals("INTERRUPTED", timedOut.outcome(), timedOut.summary());
        assertTrue(timedOut.summary().contains("OUTCOME_UNKNOWN"), timedOut.summary());
        PollRun tooSoon = sync.poll(); // within the receive time-out + grace: not looked up, not sent
        assertEquals(1, tooSoon.outcomeUnknownCount(), tooSoon.summary());
        assertEquals("OK", tooSoon.outcome(), "the poll goes on with the others: " + tooSoon.summary());
        assertEquals(0, sync.courseSales.callCount("FindDocuments"));
        assertEquals(4, sync.courseSales.callCount("SubmitRegistration"));
        assertEquals(1, ops.get("/api/status").json().get("inFlight").asInt());

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> sync.poll().sentCount() == 1);

        assertEquals(1, sync.courseSales.documentCount(key), "exactly one document");
        assertEquals(4, sync.courseSales.callCount("SubmitRegistration"), "never sent again");
        assertEquals(1, sync.courseSales.callCount("FindDocuments"));
        assertEquals("FOUND", sync.state().queryForObject("SELECT outcome FROM delivery WHERE source_reference = ?",
                String.class, key));
        assertEquals(0, ops.get("/api/status").json().get("inFlight").asInt());
        assertEquals(List.of(), sync.deadLetters());
    }
}
