package io.github.mcsync.flow;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mcsync.SyncHarness;
import io.github.mcsync.demo.coursesales.StoredDocument;
import io.github.mcsync.demo.moodle.SimulatedUser;
import io.github.mcsync.feed.PollRun;
import io.github.mcsync.ops.OpsClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 8 item 7: an outage is not a pile of dead letters. CourseSales answers 503 to every call for a few seconds in
 * the middle of a 300-enrolment sync: the poll in progress is interrupted ("CourseSales unavailable"), the record in
 * hand and the rest wait at their source, polls during the outage stop at their first record, and the polls after it
 * deliver everything exactly once, with no dead letter.
 */
class OutageTest extends FlowTestSupport {
    private static final int STUDENTS = 300;

    @Test
    void a503OutageInTheMiddleOfA300EnrolmentSyncDeliversEveryEnrolmentOnceWithNoDeadLetter() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").start();
        OpsClient ops = OpsClient.of(sync);
        sync.poll(); // the 3 PHYS101 students; the metadata is cached from here on
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < STUDENTS; i++) {
            long id = sync.moodle.addUser(SimulatedUser.builder("outage." + i).firstname("Student").lastname("Outage" + i)
                    .email("outage." + i + "@example.com").build());
            sync.moodle.enrol(2, id, "student");
            keys.add("moodle:c2:u" + id);
        }

        List<PollRun> polls = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> polls.add(sync.poll()));
        await().atMost(Duration.ofSeconds(60)).until(() -> sync.courseSales.documents().size() >= 3 + 100 || first.isDone());
        sync.courseSales.unavailableFor(Duration.ofSeconds(3), 503); // in the middle of the sync
        first.get();
        PollRun interrupted = polls.get(0);
        assertEquals("INTERRUPTED", interrupted.outcome(), interrupted.summary());
        assertTrue(interrupted.summary().contains("interrupted: CourseSales unavailable: HTTP_503"), interrupted.summary());
        assertTrue(interrupted.sentCount() >= 100 && interrupted.sentCount() < STUDENTS, interrupted.summary());
        JsonNode status = ops.get("/api/status").json();
        assertEquals("INTERRUPTED", status.get("lastPoll").get("outcome").asText(), status.toString());
        assertTrue(status.get("lastPoll").get("summary").asText().contains("interrupted: CourseSales unavailable"));
        assertEquals("RUNNING", status.get("state").asText(), "an outage is not a halt: nothing waits for an operator");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            polls.add(sync.poll());
            return keys.stream().allMatch(k -> sync.courseSales.documentCount(k) > 0);
        });

        Map<String, Long> perKey = sync.courseSales.documents().stream()
                .collect(Collectors.groupingBy(StoredDocument::sourceReference, Collectors.counting()));
        keys.forEach(k -> assertEquals(1L, perKey.get(k), k + " documents"));
        assertEquals(3 + STUDENTS, perKey.size());
        assertEquals(List.of(), sync.deadLetters(), "0 dead letters");
        assertEquals(3 + STUDENTS, sync.doneKeys().size());
        assertEquals(0, ops.get("/api/status").json().get("inFlight").asInt());
        assertEquals("OK", polls.get(polls.size() - 1).outcome(), polls.get(polls.size() - 1).summary());
        assertFalse(polls.stream().anyMatch(p -> p.deadLetteredCount() > 0));
        System.out.printf("outage: %d polls, %d interrupted, %d documents for %d enrolments, %d dead letters%n",
                polls.size(), polls.stream().filter(PollRun::isInterrupted).count(), sync.courseSales.documents().size(),
                3 + STUDENTS, sync.deadLetters().size());
    }
}
