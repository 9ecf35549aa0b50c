package io.github.mcsync.flow;

import io.github.mcsync.FreePorts;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mcsync.SyncHarness;
import io.github.mcsync.SyncMain;
import io.github.mcsync.feed.PollRun;
import io.github.mcsync.observe.Observe;
import io.github.mcsync.ops.OpsClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: the application starts and stays up while the state database is down, and comes back by itself. Started
 * with state.jdbc-url pointing at a port nobody listens on: readiness is DOWN on the management port and says why, a
 * poll reads nothing and fails with one line, the ops API answers 503; then PostgreSQL starts on that port (embedded
 * PostgreSQL) and, without a restart, the schema is migrated, readiness is UP and a poll delivers.
 */
class StateDatabaseLaterTest {
    @TempDir
    Path stateDir;

    @Test
    void startsWithoutTheStateDatabaseAndRunsOnceItAnswers() throws Exception {
        int port = FreePorts.next();
        try (SyncHarness sync = new SyncHarness(stateDir).with("moodle.courses", "2")
                .with("state.jdbc-url", "jdbc:postgresql://127.0.0.1:" + port + "/postgres")
                .with("state.username", "postgres").with("state.retry-interval-ms", "500").start()) {
            Observe observe = new Observe(sync.managementUrl());
            OpsClient ops = OpsClient.of(sync);
            assertEquals(200, observe.get("/observe/health/live").status(), "alive: a restart brings no database back");
            Observe.Answer ready = observe.get("/observe/health/ready");
            assertEquals(503, ready.status(), ready.body());
            assertEquals("DOWN", ready.check("state-database").path("status").asText(), ready.body());
            assertTrue(ready.body().contains("state database unavailable"), ready.body());

            PollRun down = sync.poll();
            assertTrue(down.summary().startsWith("poll 1: failed, nothing sent: state database unavailable"),
                    down.summary());
            assertEquals(0, sync.courseSales.documents().size());
            OpsClient.Answer deadLetters = ops.get("/api/dead-letters");
            assertEquals(503, deadLetters.status(), deadLetters.body());
            assertTrue(deadLetters.body().contains("state database unavailable"), deadLetters.body());

            try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(port).start()) {
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                        .until(() -> observe.get("/observe/health/ready").status() == 200);
                assertEquals("UP", observe.get("/observe/health/ready").check("state-database").path("status").asText());
                PollRun up = sync.poll();
                assertEquals("poll 2: 3 new, 3 sent, 0 dead-lettered", up.summary());
                assertEquals(3, sync.courseSales.documents().size());
                assertEquals(3, sync.doneKeys().size(), "the keys are in the state database");
                assertEquals(200, ops.get("/api/dead-letters").status());
                sync.app().stop(); // before PostgreSQL goes
            }
        }
    }

    @Test
    void aResumeFromTheCommandLineWithoutTheStateDatabaseSaysSoInOneLine() throws Exception {
        int port = FreePorts.next();
        try (SyncHarness sync = new SyncHarness(stateDir)) {
            Map<String, String> properties = new HashMap<>(sync.properties());
            properties.put("state.jdbc-url", "jdbc:postgresql://127.0.0.1:" + port + "/postgres");
            properties.put("state.username", "postgres");
            PrintStream was = System.err;
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit;
            try {
                exit = SyncMain.run(new String[] {"resume"}, properties);
            } finally {
                System.setErr(was);
            }
            List<String> lines = err.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
            assertEquals(1, exit, lines.toString());
            assertEquals(1, lines.size(), lines.toString());
            assertTrue(lines.get(0).startsWith("state database unavailable: jdbc:postgresql://127.0.0.1:" + port)
                    && lines.get(0).endsWith("nothing was resumed; run resume again once it answers"), lines.get(0));
        }
    }
}
