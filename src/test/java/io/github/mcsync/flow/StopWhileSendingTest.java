package io.github.mcsync.flow;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mcsync.SyncHarness;
import io.github.mcsync.demo.moodle.SimulatedUser;
import io.github.mcsync.feed.PollRun;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A stop of the process while a poll sends (SIGTERM in a rollout: Camel Main's hang-up hook starts the same shutdown
 * as here): the poll takes no further record, the records in hand are answered and recorded, nothing is left in
 * flight, and the next start sends the rest, each once.
 */
class StopWhileSendingTest extends FlowTestSupport {
    private static final int CONCURRENCY = 2;
    private static final int LANES = 2 * CONCURRENCY;
    private static final int ENROLMENTS = 60;

    @Test
    void aStopTakesNoFurtherRecordAndTheNextStartSendsTheRestOnce() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2")
                .with("coursesales.concurrency", Integer.toString(CONCURRENCY)).start();
        sync.poll();
        int before = sync.courseSales.documents().size(); // the demo course's own enrolments
        for (int i = 0; i < ENROLMENTS; i++) {
            long id = sync.moodle.addUser(SimulatedUser.builder("stop." + i).firstname("Stop").lastname("Sending" + i)
                    .email("stop." + i + "@example.com").build());
            sync.moodle.enrol(2, id, "student");
        }
        sync.courseSales.setCallDelay(Duration.ofMillis(100)); // 60 records, 2 at once: 3 s

        CompletableFuture<PollRun> poll = CompletableFuture.supplyAsync(() -> sync.poll());
        await().atMost(Duration.ofSeconds(20)).until(() -> sync.courseSales.documents().size() >= before + 6);
        int atStop = sync.courseSales.documents().size();
        sync.app().main().getShutdownStrategy().shutdown();

        PollRun cut = poll.get();
        int stored = sync.courseSales.documents().size();
        assertEquals("INTERRUPTED", cut.outcome(), cut.summary());
        assertTrue(cut.summary().contains("the process is stopping"), cut.summary());
        assertTrue(stored - atStop <= LANES, (stored - atStop) + " sent after the stop (lanes " + LANES + ")");
        assertTrue(stored < before + ENROLMENTS, cut.summary());
        assertEquals(stored, sync.doneKeys().size(), "every answered record is recorded as delivered");
        assertEquals(0, sync.state().queryForObject("SELECT COUNT(*) FROM in_flight WHERE answered_at IS NULL",
                Integer.class), "nothing is left in flight");
        assertEquals(List.of(), sync.deadLetters());

        sync.courseSales.setCallDelay(Duration.ZERO);
        sync.restart();
        PollRun next = sync.poll();
        assertEquals("OK", next.outcome(), next.summary());
        assertEquals(before + ENROLMENTS, sync.courseSales.documents().size(), "the rest, each once");
        assertEquals(before + ENROLMENTS, sync.courseSales.documents().stream().map(d -> d.sourceReference()).distinct().count());
    }
}
