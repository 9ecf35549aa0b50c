package io.github.mcsync.observe;

import static io.github.mcsync.observe.Observe.sample;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mcsync.SyncHarness;
import io.github.mcsync.demo.coursesales.CourseSalesDemoData;
import io.github.mcsync.demo.moodle.MoodleFailure;
import io.github.mcsync.demo.moodle.SimulatedUser;
import io.github.mcsync.ops.OpsClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: Camel's management server serves liveness, readiness and Prometheus metrics with our names, on its own
 * port and without a login; a halted feed is not ready (a refused login is never tried again by a restart: liveness
 * stays UP); a feed whose polls keep failing is stalled after feed.stalled-after, and ready again after a poll works.
 */
class HealthAndMetricsTest {
    @TempDir
    Path stateDir;
    SyncHarness sync;

    @AfterEach
    void close() throws Exception {
        if (sync != null) {
            sync.close();
        }
    }

    @Test
    void metricsCountPollsSendsDeadLettersReplaysAndHalts() throws Exception {
        // the schedule runs (so this instance is the poller) but fires in 2099 only: the test polls itself
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").with("moodle.poll.enabled", "true")
                .with("moodle.poll.cron", "0 0 0 1 1 ? 2099").start();
        Observe observe = new Observe(sync.managementUrl());
        assertEquals(200, observe.get("/observe/health/live").status());
        Observe.Answer ready = observe.get("/observe/health/ready");
        assertEquals(200, ready.status(), ready.body());
        assertEquals("UP", ready.check("state-database").path("status").asText(), ready.body());

        assertEquals("poll 1: 3 new, 3 sent, 0 dead-lettered", sync.poll().summary());
        String m = observe.metrics();
        assertEquals(3.0, sample(m, "mcsync_enrolments_polled_total"), m);
        assertEquals(3.0, sample(m, "mcsync_registrations_sent_total"));
        assertEquals(3.0, sample(m, "mcsync_coursesales_call_seconds_count", Map.of("operation", "SubmitRegistration")));
        assertTrue(sample(m, "mcsync_coursesales_call_seconds_sum", Map.of("operation", "SubmitRegistration")) > 0);
        assertNotNull(sample(m, "mcsync_coursesales_call_seconds_count", Map.of("operation", "GetForm")), m);
        assertEquals(1.0, sample(m, "mcsync_leader"), "cluster.type=none: this instance polls");
        assertEquals(0.0, sample(m, "mcsync_feed_halted", Map.of("system", "coursesales")));
        assertEquals(0.0, sample(m, "mcsync_feed_halted", Map.of("system", "moodle")));
        assertEquals(0.0, sample(m, "mcsync_dead_letters_open"));
        assertTrue(sample(m, "mcsync_last_successful_poll_age_seconds") < 60, m);
        assertNotNull(sample(m, "jvm_memory_used_bytes"), "the JVM's figures too");

        long late = sync.moodle.addUser(SimulatedUser.builder("late").firstname("La").lastname("Te").email("l@x.org").build());
        sync.moodle.enrol(2, late, "student");
        sync.courseSales.faultNextCalls(1, "FIELD_INACTIVE");
        assertEquals("poll 2: 1 new, 0 sent, 1 dead-lettered", sync.poll().summary());
        m = observe.metrics();
        assertEquals(1.0, sample(m, "mcsync_dead_letters_total", Map.of("reason", "FIELD_INACTIVE")), m);
        assertEquals(1.0, sample(m, "mcsync_dead_letters_open"));
        assertEquals(7.0, sample(m, "mcsync_enrolments_polled_total"), "every enrolment read, old and new");

        OpsClient ops = OpsClient.of(sync);
        long id = ((Number) sync.deadLetters().get(0).get("id")).longValue();
        OpsClient.Answer replay = ops.post("/api/dead-letters/" + id + "/replay");
        assertEquals(200, replay.status(), replay.toString());
        m = observe.metrics();
        assertEquals(1.0, sample(m, "mcsync_replays_total", Map.of("outcome", "DELIVERED")), m);
        assertEquals(0.0, sample(m, "mcsync_dead_letters_open"));
        assertEquals(4.0, sample(m, "mcsync_registrations_sent_total"));

        // a refused login halts CourseSales: not ready (with the reason), still alive, the gauge says which system
        long later = sync.moodle.addUser(SimulatedUser.builder("later").firstname("Li").lastname("Ter").email("t@x.org").build());
        sync.moodle.enrol(2, later, "student");
        sync.courseSales.faultNextCalls(1, "AUTHENTICATION_FAILED");
        assertEquals("HALTED", sync.poll().outcome());
        m = observe.metrics();
        assertEquals(1.0, sample(m, "mcsync_feed_halted", Map.of("system", "coursesales")), m);
        assertEquals(0.0, sample(m, "mcsync_feed_halted", Map.of("system", "moodle")));
        ready = observe.get("/observe/health/ready");
        assertEquals(503, ready.status(), ready.body());
        assertTrue(ready.check("feed").path("message").asText().contains("AUTHENTICATION_FAILED"), ready.body());
        assertEquals(200, observe.get("/observe/health/live").status(), "a restart would try the refused login again");
        String everything = observe.get("/observe/health").body() + m;
        assertFalse(everything.contains(CourseSalesDemoData.PASSWORD), "no secret on the unauthenticated port");
        assertFalse(everything.contains(io.github.mcsync.demo.moodle.MoodleSimulator.DEMO_TOKEN));
    }

    @Test
    void pollsThatKeepFailingStallTheFeedAndAWorkingPollEndsIt() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").with("moodle.poll.enabled", "true")
                .with("moodle.poll.cron", "0/1 * * * * ?").with("feed.stalled-after", "3s")
                // this test watches the stall alone: the failed-polls-in-a-row check (issue 8) would go DOWN first
                .with("feed.health.failed-polls", "1000").start();
        Observe observe = new Observe(sync.managementUrl());
        OpsClient ops = OpsClient.of(sync);
        await().atMost(Duration.ofSeconds(20)).until(() -> sync.courseSales.documents().size() == 3);
        assertEquals(200, observe.get("/observe/health/ready").status());
        assertTrue(ops.get("/api/status").json().get("stalled").isNull());

        sync.moodle.failNext(1_000_000, MoodleFailure.HTTP_500); // Moodle answers every call with an error page
        await().atMost(Duration.ofSeconds(20)).until(() -> observe.get("/observe/health/ready").status() == 503);
        Observe.Answer ready = observe.get("/observe/health/ready");
        JsonNode stalled = ready.check("feed-stalled");
        assertEquals("DOWN", stalled.path("status").asText(), ready.body());
        String why = stalled.path("message").asText();
        assertTrue(why.startsWith("feed stalled: no poll has succeeded since "), why);
        assertTrue(why.contains("feed.stalled-after = 3s"), why);
        assertTrue(why.contains("failed, nothing sent"), "names the last poll's failure: " + why);
        JsonNode status = ops.get("/api/status").json();
        assertTrue(status.get("stalled").asText().startsWith("feed stalled: "), status.toString());
        assertEquals("active", status.get("poller").asText());
        assertEquals("UP", ready.check("feed").path("status").asText(), "not halted: a failing Moodle is transient");
        assertTrue(sample(observe.metrics(), "mcsync_last_successful_poll_age_seconds") > 3);

        sync.moodle.clearFailures();
        await().atMost(Duration.ofSeconds(20)).until(() -> observe.get("/observe/health/ready").status() == 200);
        assertTrue(ops.get("/api/status").json().get("stalled").isNull());
    }
}
