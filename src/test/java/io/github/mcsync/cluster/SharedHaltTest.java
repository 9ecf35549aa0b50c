package io.github.mcsync.cluster;

import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.CATEGORY_PHYSICS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mcsync.SyncHarness;
import io.github.mcsync.deadletter.StoreDatabases;
import io.github.mcsync.demo.coursesales.CourseSalesDemoData;
import io.github.mcsync.demo.coursesales.CourseSalesSimulator;
import io.github.mcsync.demo.moodle.MoodleSimulator;
import io.github.mcsync.demo.moodle.SimulatedUser;
import io.github.mcsync.feed.PollRun;
import io.github.mcsync.ops.OpsClient;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: the halts are shared by the instances on one state database (embedded PostgreSQL). The leader halts
 * CourseSales on a refused login; a replay asked on the other instance, whose cached view is older than the halt,
 * costs no further failed login (the login gate reads the halt again before every call) and answers HALTED; a resume
 * on that instance is seen by the leader, which sends again.
 */
class SharedHaltTest {
    @TempDir
    Path dirA;
    @TempDir
    Path dirB;

    @Test
    void aHaltSetByOneInstanceStopsTheOtherAndAResumeOnEitherLiftsItOnBoth() throws Exception {
        String url = StoreDatabases.postgresSchemaUrl();
        assumeTrue(url != null, () -> "skipped: " + StoreDatabases.whyNoPostgres());
        MoodleSimulator moodle = MoodleSimulator.withFixtureData().start(0);
        CourseSalesSimulator courseSales = CourseSalesSimulator.withDemoData().start(0);
        long chem = moodle.addCourse("CHEM101", "Chemistry", "CHEM101", 4, true);
        long chemist = moodle.addUser(SimulatedUser.builder("new.chemist").firstname("Marie").lastname("Curie")
                .email("marie@example.com").build());
        moodle.enrol(chem, chemist, "student");
        try (SyncHarness leader = new SyncHarness(dirA, moodle, courseSales).with("state.jdbc-url", url)
                .with("state.username", "postgres").start();
             SyncHarness standby = new SyncHarness(dirB, moodle, courseSales).with("state.jdbc-url", url)
                     .with("state.username", "postgres")
                     .with("feed.halt-refresh", "1h") // its cached view stays stale: only the gate's read can help
                     .start()) {
            OpsClient opsLeader = OpsClient.of(leader);
            OpsClient opsStandby = OpsClient.of(standby);
            PollRun first = leader.poll();
            assertEquals(1, first.deadLetteredCount(), first.summary()); // CHEM101 has no course date yet
            assertEquals("RUNNING", opsStandby.get("/api/status").json().get("state").asText());

            courseSales.addCourseDate(9100, "Chemistry — 2027", "CHEM101-2027", (int) chem, CATEGORY_PHYSICS);
            courseSales.setCredentials(CourseSalesDemoData.USERNAME, "rotated-in-coursesales");
            long late = moodle.addUser(SimulatedUser.builder("late.student").firstname("Ada").lastname("Lovelace")
                    .email("ada@example.com").build());
            moodle.enrol(2, late, "student");
            PollRun refused = leader.poll();
            assertTrue(refused.haltedReason() != null && refused.haltedReason().startsWith("AUTHENTICATION_FAILED"),
                    refused.summary());
            assertEquals(1, courseSales.failedLoginAttempts());

            JsonNode replay = opsStandby.post("/api/dead-letters/1/replay").json().get("outcomes").get(0);
            assertEquals("HALTED", replay.get("outcome").asText(), replay.toString());
            assertTrue(replay.get("reasonText").asText().startsWith("AUTHENTICATION_FAILED"), replay.toString());
            assertEquals(1, courseSales.failedLoginAttempts(), "the standby spent no failed login");
            assertEquals("HALTED", opsStandby.get("/api/status").json().get("state").asText());
            JsonNode again = opsStandby.post("/api/dead-letters/1/replay").json().get("outcomes").get(0);
            assertEquals("FEED_HALTED", again.get("outcome").asText(), "now refused before any call: " + again);
            assertEquals(1, courseSales.failedLoginAttempts());
            assertEquals(0, courseSales.documentCount("moodle:c2:u" + late));

            courseSales.setCredentials(CourseSalesDemoData.USERNAME, CourseSalesDemoData.PASSWORD); // fixed there
            assertEquals("RUNNING", opsStandby.post("/api/resume").json().get("state").asText());
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> "RUNNING".equals(opsLeader.get("/api/status").json().get("state").asText()));
            PollRun resumed = leader.poll();
            assertEquals(1, resumed.sentCount(), resumed.summary());
            assertEquals(1, courseSales.documentCount("moodle:c2:u" + late));
            JsonNode delivered = opsLeader.post("/api/dead-letters/1/replay").json().get("outcomes").get(0);
            assertEquals("DELIVERED", delivered.get("outcome").asText(), delivered.toString());
            assertEquals(1, courseSales.failedLoginAttempts(), "one failed login in all");
        } finally {
            moodle.stop();
            courseSales.stop();
        }
    }
}
