package io.github.mcsync.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import io.github.mcsync.LogCapture;
import io.github.mcsync.SyncHarness;
import io.github.mcsync.demo.coursesales.CourseSalesDemoData;
import io.github.mcsync.demo.moodle.MoodleSimulator;
import io.github.mcsync.demo.moodle.SimulatedUser;
import io.github.mcsync.ops.OpsClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Issue 8, items 19 and 23: with Camel's tracing switched on, no log line carries the Moodle token (the REST body
 * carries it) or the CourseSales password (the SOAP request carries it); and no log line carries a student's personal
 * data, not even when a forced shutdown interrupts a stuck exchange (Camel dumps it), with the production logback.xml.
 */
class LogPrivacyTest extends FlowTestSupport {
    /** Personal values no log line may show. */
    private static final List<String> PERSONAL = List.of("Zaphod", "Beeblebrox", "zaphod.b@galaxy.example", "+61 400 999 111",
            "Trillian", "McMillan", "tricia@heart-of-gold.example");

    private void enrolHostileStudents() {
        long zaphod = sync.moodle.addUser(SimulatedUser.builder("zb42").firstname("Zaphod<script>").lastname("Beeblebrox\nINFO forged")
                .email("zaphod.b@galaxy.example").phone1("+61 400 999 111").build());
        long trillian = sync.moodle.addUser(SimulatedUser.builder("tm42").firstname("Trillian").lastname("McMillan")
                .email("tricia@heart-of-gold.example").build());
        sync.moodle.enrol(2, zaphod, "student");
        sync.moodle.enrol(2, trillian, "student");
    }

    private static void assertNoneIn(String log, List<String> values) {
        for (String v : values) {
            assertFalse(log.contains(v), "a log line carries " + v + ":\n" + log.lines().filter(l -> l.contains(v))
                    .limit(3).toList());
        }
    }

    @Test
    void tracingNeverPrintsTheTokenThePasswordOrAStudentsData() throws Exception {
        String basic = Base64.getEncoder().encodeToString(("ops:" + SyncHarness.OPS_PASSWORD).getBytes(StandardCharsets.UTF_8));
        try (LogCapture log = new LogCapture()) {
            sync = new SyncHarness(stateDir).with("moodle.courses", "2").with("camel.main.tracing", "true").start();
            OpsClient ops = OpsClient.of(sync);
            assertEquals(3, sync.poll().sentCount());
            enrolHostileStudents();
            sync.courseSales.faultNextSubmissions(1, "FIELD_INACTIVE");
            assertEquals(1, sync.poll().deadLetteredCount());
            assertEquals("DELIVERED", ops.post("/api/dead-letters/1/replay").json().get("outcomes").get(0).get("outcome").asText());
            ops.get("/api/preflight");
            ops.get("/api/dead-letters/1");
            sync.app().preflight();
            sync.with("coursesales.password", "wrong-but-secret-88").restart(); // a refused login, traced too
            sync.poll();

            String all = log.all();
            long traced = log.lines().stream().filter(l -> l.contains("Exchange[Id:")).count();
            assertTrue(traced > 100, "tracing is on: " + traced + " traced steps");
            assertTrue(all.contains("callMoodle") && all.contains("callCourseSales"), "both systems' calls are traced");
            assertNoneIn(all, List.of(MoodleSimulator.DEMO_TOKEN, CourseSalesDemoData.PASSWORD, "wrong-but-secret-88",
                    SyncHarness.OPS_PASSWORD, basic));
            assertNoneIn(all, PERSONAL);
            assertTrue(all.contains("wstoken=****"), "the token is masked where the body carries it");
        }
    }

    @Test
    void aForcedShutdownWithAStuckExchangeLogsNoPersonalData() throws Exception {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        configure(logging, "/logback.xml"); // what ships
        try (LogCapture log = new LogCapture()) {
            sync = new SyncHarness(stateDir).with("moodle.courses", "2").with("camel.main.shutdown-timeout", "1")
                    .with("coursesales.receive-timeout", "30s").start();
            assertEquals(3, sync.poll().sentCount());
            enrolHostileStudents();
            sync.courseSales.setResponseDelay(Duration.ofSeconds(20)); // the first SubmitRegistration hangs
            CompletableFuture<Void> stuck = CompletableFuture.runAsync(() -> {
                try {
                    sync.poll();
                } catch (RuntimeException interrupted) {
                    // the forced shutdown interrupts it
                }
            });
            Thread.sleep(2000);
            sync.app().stop(); // a forced shutdown: the poll's exchange is still in flight
            stuck.get(30, TimeUnit.SECONDS);
            sync.courseSales.setResponseDelay(Duration.ZERO);

            String all = log.all();
            assertTrue(all.contains("Interrupted while waiting for asynchronous callback"), "Camel interrupted the exchange");
            assertTrue(all.contains("the exchange's body and headers are not logged"), "and its dump was left out");
            assertNoneIn(all, PERSONAL);
            assertNoneIn(all, List.of(MoodleSimulator.DEMO_TOKEN, CourseSalesDemoData.PASSWORD));
            assertFalse(all.contains("INFO forged"), "no forged log line");
        } finally {
            configure(logging, "/logback-test.xml");
        }
    }

    private static void configure(LoggerContext logging, String resource) throws Exception {
        logging.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(logging);
        configurator.doConfigure(LogPrivacyTest.class.getResource(resource));
    }
}
