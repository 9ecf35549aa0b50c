package io.github.mcsync.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.mcsync.SyncHarness;
import io.github.mcsync.deadletter.StoreDatabases;
import io.github.mcsync.demo.coursesales.CourseSalesDemoData;
import io.github.mcsync.demo.coursesales.CourseSalesSimulator;
import io.github.mcsync.demo.coursesales.StoredDocument;
import io.github.mcsync.demo.moodle.MoodleSimulator;
import io.github.mcsync.demo.moodle.SimulatedUser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 11 (a): two application processes (separate JVMs) on one PostgreSQL state database with cluster.type=file:
 * exactly one polls (mcsync_leader 1 and 0); the leader killed with SIGKILL in the middle of a sync is replaced by the
 * other within the lock's time, and every enrolment reaches CourseSales exactly once (the key the dead leader left in
 * flight is looked up with FindDocuments, not sent again).
 */
class FileLockFailoverTest {
    private static final Logger LOG = LoggerFactory.getLogger(FileLockFailoverTest.class);
    private static final int STUDENTS = 300;
    private static final Duration LOCK_INTERVAL = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    @Test
    void oneOfTwoProcessesPollsAndTheOtherTakesOverWhenItIsKilled() throws Exception {
        String url = StoreDatabases.postgresSchemaUrl();
        assumeTrue(url != null, () -> "skipped: " + StoreDatabases.whyNoPostgres());
        try (MoodleSimulator moodle = MoodleSimulator.withFixtureData().start(0)) {
            CourseSalesSimulator courseSales = CourseSalesSimulator.withDemoData().start(0);
            try {
                for (int i = 0; i < STUDENTS; i++) {
                    long user = moodle.addUser(SimulatedUser.builder("s" + i).firstname("S" + i).lastname("Student")
                            .email("s" + i + "@example.org").build());
                    moodle.enrol(2, user, "student");
                }
                courseSales.setCallDelay(Duration.ofMillis(15)); // the sync lasts a few seconds: time to kill mid-way
                Map<String, String> p = new HashMap<>(SyncHarness.DEMO_MAPPING);
                p.putAll(Map.of("moodle.url", moodle.baseUrl(), "moodle.token", MoodleSimulator.DEMO_TOKEN,
                        "moodle.courses", "2", "moodle.start", "all", "moodle.poll.cron", "0/2 * * * * ?",
                        "coursesales.url", courseSales.url(), "coursesales.username", CourseSalesDemoData.USERNAME,
                        "coursesales.password", CourseSalesDemoData.PASSWORD, "coursesales.receive-timeout", "5s",
                        "state.jdbc-url", url));
                p.putAll(Map.of("state.username", "postgres", "ops.password", SyncHarness.OPS_PASSWORD,
                        "cluster.type", "file", "cluster.file.root", dir.resolve("cluster").toString(),
                        "cluster.file.acquire-lock-interval", LOCK_INTERVAL.toSeconds() + "s",
                        "cluster.file.acquire-lock-delay", "0.5s"));
                try (Replica a = Replica.start("a", p); Replica b = Replica.start("b", p)) {
                    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                            .until(() -> a.leader() != null && b.leader() != null && a.leader() + b.leader() == 1.0);
                    Replica leader = a.leader() == 1.0 ? a : b;
                    Replica standby = leader == a ? b : a;
                    assertEquals(0.0, standby.leader(), standby.toString());
                    // a standby is ready (once its routes are up): it serves the ops API and replays
                    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                            .until(() -> standby.observe.get("/observe/health/ready").status() == 200);
                    assertEquals(0.0, standby.leader(), "still the standby");

                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                            .until(() -> courseSales.documents().size() >= 60);
                    int before = courseSales.documents().size();
                    assertTrue(before < STUDENTS, "killed in the middle of the sync (" + before + " sent)");
                    long killed = System.nanoTime();
                    leader.killNine();
                    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                            .until(() -> Double.valueOf(1.0).equals(standby.leader()));
                    Duration failover = Duration.ofNanos(System.nanoTime() - killed);
                    LOG.info("FAILOVER file lock: {} ms from kill -9 of {} to {} leading ({} of {} sent before)",
                            failover.toMillis(), leader.name, standby.name, before, STUDENTS + 3);
                    System.out.println("FAILOVER file lock: " + failover.toMillis() + " ms");
                    assertTrue(failover.compareTo(LOCK_INTERVAL.multipliedBy(10)) < 0, "took over in " + failover);

                    int expected = STUDENTS + 3; // and the fixture's three students of course 2
                    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                            .until(() -> courseSales.documents().stream().map(StoredDocument::sourceReference)
                                    .distinct().count() == expected);
                    // the new leader's next polls send nothing more
                    await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(5))
                            .until(() -> courseSales.documents().size() == expected);
                    Map<String, Long> perKey = courseSales.documents().stream()
                            .collect(Collectors.groupingBy(StoredDocument::sourceReference, Collectors.counting()));
                    assertEquals(expected, perKey.size());
                    perKey.forEach((key, n) -> assertEquals(1L, n, key + " was registered " + n + " times"));
                }
            } finally {
                courseSales.stop();
            }
        }
    }
}
