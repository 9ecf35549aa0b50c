package io.github.mcsync.flow;

import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.FIELD_EMAIL;
import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.REGISTRATION_FORM_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mcsync.SyncHarness;
import io.github.mcsync.demo.moodle.SimulatedUser;
import io.github.mcsync.feed.PollRun;
import io.github.mcsync.ops.OpsClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 8 item 24: a stale cache pauses, it does not dead-letter a batch. A field is deactivated in CourseSales after
 * the metadata was cached; the first SubmitRegistration answers FIELD_INACTIVE, the metadata fetched again shows it,
 * and the feed pauses naming the field: none of the 60 enrolments is dead-lettered, all wait at their source.
 */
class StaleMetadataTest extends FlowTestSupport {

    @Test
    void aFieldDeactivatedAfterTheCacheFilledPausesTheFeedInsteadOfDeadLetteringSixtyRecords() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").with("coursesales.concurrency", "1").start();
        OpsClient ops = OpsClient.of(sync);
        sync.poll(); // the metadata is cached: the email field is Active
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            long id = sync.moodle.addUser(SimulatedUser.builder("stale." + i).firstname("Stale").lastname("Cache" + i)
                    .email("stale." + i + "@example.com").build());
            sync.moodle.enrol(2, id, "student");
            keys.add("moodle:c2:u" + id);
        }
        sync.courseSales.setFieldStatus(REGISTRATION_FORM_ID, FIELD_EMAIL, "Inactive");
        int getForms = sync.courseSales.callCount("GetForm");

        PollRun paused = sync.poll();

        assertEquals(List.of(), sync.deadLetters(), "0 dead letters");
        assertEquals(0, paused.sentCount());
        assertEquals(0, paused.freshCount(), "every enrolment waits at its source: " + paused.summary());
        assertEquals(4, sync.courseSales.callCount("SubmitRegistration"), "one refused submission, then the pause");
        assertTrue(sync.courseSales.callCount("GetForm") > getForms, "the metadata was fetched again");
        JsonNode status = ops.get("/api/status").json();
        assertEquals("PAUSED", status.get("state").asText(), status.toString());
        String reason = status.get("haltedReason").asText();
        assertTrue(reason.contains("FIELD_INACTIVE") && reason.contains(Integer.toString(FIELD_EMAIL)), reason);
        assertEquals(0, status.get("inFlight").asInt(), "the refused submission created no document");

        sync.courseSales.setFieldStatus(REGISTRATION_FORM_ID, FIELD_EMAIL, "Active"); // fixed in CourseSales
        sync.app().context().getRegistry().lookupByNameAndType("metadataCache",
                io.github.mcsync.coursesales.MetadataCache.class).invalidate(); // or wait for coursesales.metadata.ttl
        PollRun resumed = sync.poll();

        assertEquals(60, resumed.sentCount(), resumed.summary());
        keys.forEach(k -> assertEquals(1, sync.courseSales.documentCount(k), k));
        assertEquals(List.of(), sync.deadLetters());
    }
}
