package io.github.mcsync.flow;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mcsync.SyncHarness;
import io.github.mcsync.demo.coursesales.CourseSalesSimulator;
import io.github.mcsync.demo.moodle.MoodleSimulator;
import io.github.mcsync.demo.moodle.SimulatedUser;
import io.github.mcsync.feed.FeedHealthCheck;
import io.github.mcsync.feed.PollRun;
import io.github.mcsync.ops.OpsClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;

/**
 * Issue 8 item 26: no hang. Every Moodle and CourseSales call ends within its time-out when the peer resets the
 * connection or falls silent in the middle of an answer (a raw socket peer, or the simulator sending half an answer);
 * a poll running longer than feed.poll.max-duration is reported in status and health, takes no further record, and the
 * next poll goes on.
 */
class NoHangTest extends FlowTestSupport {
    private static final String SOAP = "text/xml;charset=UTF-8";
    private static final String SOAP_START = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>";

    private static long millisOf(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private void enrol(int n, String prefix) {
        for (int i = 0; i < n; i++) {
            long id = sync.moodle.addUser(SimulatedUser.builder(prefix + i).firstname("No").lastname("Hang" + i)
                    .email(prefix + i + "@example.com").build());
            sync.moodle.enrol(2, id, "student");
        }
    }

    @Test
    void aSubmissionWhoseAnswerStallsHalfwayEndsWithinTheReceiveTimeOut() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").with("coursesales.receive-timeout", "2s").with("coursesales.concurrency", "1").start();
        sync.poll();
        enrol(1, "stall.");
        sync.courseSales.halfAnswerNext(1, "SubmitRegistration", Duration.ofSeconds(60));

        PollRun[] run = new PollRun[1];
        long ms = millisOf(() -> run[0] = sync.poll());

        assertTrue(ms < 2_000 + 3_000, "the poll ended " + ms + " ms after it began (receive time-out 2 s)");
        assertEquals("INTERRUPTED", run[0].outcome(), run[0].summary());
        assertEquals(List.of(), sync.deadLetters());
    }

    @Test
    void anAnswerCutHalfwayEndsTheCallAtOnce() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").with("coursesales.receive-timeout", "2s").with("coursesales.concurrency", "1").start();
        sync.poll();
        enrol(1, "cut.");
        sync.courseSales.halfAnswerNext(1, "SubmitRegistration", Duration.ZERO);

        PollRun[] run = new PollRun[1];
        long ms = millisOf(() -> run[0] = sync.poll());

        assertTrue(ms < 2_000, "the poll ended " + ms + " ms after it began");
        // CourseSales answered (half of it): it is done with the submission, so FindDocuments tells at once
        assertEquals(1, run[0].sentCount(), run[0].summary());
        assertEquals(1, sync.courseSales.callCount("FindDocuments"));
        assertEquals(4, sync.courseSales.documents().size(), "the cut answer's document once");
    }

    @Test
    void courseSalesResettingTheConnectionMidAnswerInterruptsThePollWithinSeconds() throws Exception {
        try (BrokenPeer peer = new BrokenPeer(BrokenPeer.Mode.RESET, SOAP, SOAP_START)) {
            sync = new SyncHarness(stateDir, MoodleSimulator.withFixtureData().start(0),
                    CourseSalesSimulator.withDemoData().start(0))
                    .with("coursesales.url", peer.url("/soap/v1")).with("coursesales.receive-timeout", "2s").with("coursesales.concurrency", "1").start();

            PollRun[] run = new PollRun[1];
            long ms = millisOf(() -> run[0] = sync.poll());

            assertTrue(ms < 5_000, "the poll ended " + ms + " ms after it began");
            assertEquals("INTERRUPTED", run[0].outcome(), run[0].summary());
            assertTrue(run[0].summary().contains("CourseSales unavailable"), run[0].summary());
            assertEquals(5, peer.requests(), "the first call and its 4 redeliveries");
            assertFalse(sync.app().context().getRegistry().lookupByNameAndType("feedControl",
                    io.github.mcsync.feed.FeedControl.class).isHalted(), "a reset is transient, not a refusal");
        }
    }

    @Test
    void courseSalesFallingSilentMidAnswerEndsEachCallWithinTheReceiveTimeOut() throws Exception {
        try (BrokenPeer peer = new BrokenPeer(BrokenPeer.Mode.STALL, SOAP, SOAP_START)) {
            sync = new SyncHarness(stateDir, MoodleSimulator.withFixtureData().start(0),
                    CourseSalesSimulator.withDemoData().start(0))
                    .with("coursesales.url", peer.url("/soap/v1")).with("coursesales.receive-timeout", "1s")
                    .with("coursesales.retry.max-redeliveries", "1").with("coursesales.concurrency", "1").start();

            PollRun[] run = new PollRun[1];
            long ms = millisOf(() -> run[0] = sync.poll());

            assertTrue(ms < 2 * 1_000 + 3_000, "two calls of at most 1 s each, the poll took " + ms + " ms");
            assertEquals("INTERRUPTED", run[0].outcome(), run[0].summary());
            assertEquals(2, peer.requests());
        }
    }

    @Test
    void moodleResettingOrFallingSilentMidAnswerFailsThePollWithinTheResponseTimeOut() throws Exception {
        for (BrokenPeer.Mode mode : BrokenPeer.Mode.values()) {
            try (BrokenPeer peer = new BrokenPeer(mode, "application/json", "[{\"id\":1,\"shortname\":\"PHYS")) {
                SyncHarness harness = new SyncHarness(stateDir.resolve(mode.name()), MoodleSimulator.withFixtureData().start(0),
                        CourseSalesSimulator.withDemoData().start(0))
                        .with("moodle.url", peer.url("")).with("moodle.response-timeout-ms", "1500").with("coursesales.concurrency", "1").start();
                try {
                    PollRun[] run = new PollRun[1];
                    long ms = millisOf(() -> run[0] = harness.poll());

                    assertTrue(ms < 1_500 + 3_000, mode + ": the poll ended " + ms + " ms after it began");
                    assertEquals("FAILED", run[0].outcome(), mode + ": " + run[0].summary());
                    assertEquals(0, harness.courseSales.documents().size());
                } finally {
                    harness.close();
                }
            }
        }
    }

    @Test
    void aPollLongerThanItsBoundIsReportedTakesNoFurtherRecordAndTheNextPollGoesOn() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").with("feed.poll.max-duration", "2s").with("coursesales.concurrency", "1").start();
        OpsClient ops = OpsClient.of(sync);
        sync.poll();
        enrol(20, "slow.");
        sync.courseSales.setCallDelay(Duration.ofMillis(300)); // 20 records at 0.3 s: 6 s

        CompletableFuture<PollRun> slow = CompletableFuture.supplyAsync(() -> sync.poll());
        FeedHealthCheck health = sync.app().context().getRegistry().lookupByNameAndType("feedHealthCheck",
                FeedHealthCheck.class);
        // the status that reported it (the poll ends soon after: it takes no further record)
        JsonNode[] overdue = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> (overdue[0] = ops.get("/api/status").json())
                .hasNonNull("pollOverdue"));
        JsonNode status = overdue[0];
        assertTrue(status.get("pollOverdue").asText().contains("feed.poll.max-duration"), status.toString());
        HealthCheck.Result result = health.call();
        if (!slow.isDone()) {
            assertEquals(HealthCheck.State.DOWN, result.getState());
            assertTrue(result.getMessage().orElse("").contains("feed.poll.max-duration"), result.getMessage().toString());
        }

        PollRun cut = slow.get();
        assertEquals("INTERRUPTED", cut.outcome(), cut.summary());
        assertTrue(cut.summary().contains("feed.poll.max-duration"), cut.summary());
        assertTrue(cut.sentCount() > 0 && cut.sentCount() < 20, cut.summary());
        assertEquals(HealthCheck.State.UP, health.call().getState(), "the poll is over");
        assertFalse(ops.get("/api/status").json().hasNonNull("pollOverdue"));

        sync.courseSales.setCallDelay(Duration.ZERO);
        PollRun next = sync.poll();
        assertNotNull(next);
        assertEquals(20 - cut.sentCount(), next.sentCount(), next.summary());
        assertEquals(23, sync.courseSales.documents().size());
        assertEquals(List.of(), sync.deadLetters());
    }
}
