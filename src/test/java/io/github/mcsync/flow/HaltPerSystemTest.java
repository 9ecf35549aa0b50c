package io.github.mcsync.flow;

import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.PASSWORD;
import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.USERNAME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mcsync.SyncHarness;
import io.github.mcsync.coursesales.CourseSalesRequests;
import io.github.mcsync.coursesales.soap.CourseSalesPortType;
import io.github.mcsync.demo.moodle.MoodleSimulator;
import io.github.mcsync.demo.moodle.SimulatedUser;
import io.github.mcsync.ops.OpsClient;
import io.github.mcsync.ops.PreflightReport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 8, items 2, 4 (fingerprint) and 25: one halt per system, in memory and in the state database, each with its
 * own salted fingerprint; a Moodle halt never hides a CourseSales refusal; a locked login says so, with its fix.
 */
class HaltPerSystemTest extends FlowTestSupport {
    private OpsClient ops;

    private int failedLogins() {
        return sync.courseSales.failedLoginAttempts();
    }

    private JsonNode halt(JsonNode status, String system) {
        for (JsonNode h : status.get("halts")) {
            if (h.get("system").asText().equals(system)) {
                return h;
            }
        }
        return null;
    }

    private HealthCheck.Result feedHealth() {
        return HealthCheckHelper.invoke(sync.app().context(), "feed", Map.of()).orElseThrow();
    }

    private String replayOutcome() {
        return ops.post("/api/dead-letters/1/replay").json().get("outcomes").get(0).get("outcome").asText();
    }

    @Test
    void aMoodleHaltDoesNotHideACourseSalesRefusalAndARestartRemembersBoth() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").start();
        ops = OpsClient.of(sync);
        assertEquals(3, sync.poll().sentCount());
        long late = sync.moodle.addUser(SimulatedUser.builder("late").firstname("La").lastname("Te").email("l@x.org").build());
        sync.moodle.enrol(2, late, "student");
        sync.courseSales.faultNextSubmissions(1, "FIELD_INACTIVE");
        assertEquals(1, sync.poll().deadLetteredCount());

        sync.moodle.setToken("rotated-in-moodle-0001"); // Moodle refuses our token
        assertTrue(sync.poll().haltedReason().contains("MOODLE_INVALIDTOKEN"));
        sync.courseSales.setCredentials(USERNAME, "rotated-in-coursesales"); // and CourseSales our password

        // a replay reads the enrolment in Moodle first (issue 8, item 5): nothing is read or sent while Moodle is halted
        assertEquals("MOODLE_UNAVAILABLE", replayOutcome());
        assertEquals(0, failedLogins());
        sync.app().preflight(); // the command line's preflight meets the refused login: the Moodle halt did not hide it
        assertEquals(1, failedLogins());
        assertEquals("FEED_HALTED", replayOutcome(), "no second try");
        String preflight = ops.get("/api/preflight").body();
        assertTrue(preflight.contains("not tried, CourseSales is halted: AUTHENTICATION_FAILED"), preflight);
        assertEquals(1, failedLogins(), "replay and preflight cost no login after the first refusal");

        JsonNode status = ops.get("/api/status").json();
        assertEquals("HALTED", status.get("state").asText());
        assertEquals(2, status.get("halts").size(), status.toString());
        assertEquals("LOGIN_REFUSED", halt(status, "coursesales").get("state").asText());
        assertEquals("AUTHENTICATION_FAILED", halt(status, "coursesales").get("code").asText());
        assertEquals("TOKEN_REFUSED", halt(status, "moodle").get("state").asText());
        assertEquals("MOODLE_INVALIDTOKEN", halt(status, "moodle").get("code").asText());
        assertTrue(halt(status, "moodle").get("fix").asText().contains("moodle.token"));
        HealthCheck.Result health = feedHealth();
        assertEquals(HealthCheck.State.DOWN, health.getState());
        assertEquals("LOGIN_REFUSED", health.getDetails().get("coursesales.state"));
        assertEquals("TOKEN_REFUSED", health.getDetails().get("moodle.state"));
        assertEquals(List.of("coursesales", "moodle"), sync.state().queryForList(
                "SELECT system_name FROM system_halt ORDER BY system_name", String.class));

        sync.restart(); // the same configuration: both halts are remembered
        JsonNode after = ops.get("/api/status").json();
        assertEquals(2, after.get("halts").size(), after.toString());
        assertEquals("FEED_HALTED", replayOutcome());
        assertEquals("HALTED", sync.poll().outcome());
        assertEquals(1, failedLogins(), "a restart costs no login");

        // CourseSales fixed: lifting its halt alone leaves Moodle's
        sync.courseSales.setCredentials(USERNAME, PASSWORD);
        JsonNode resumed = ops.post("/api/resume?system=coursesales").json();
        assertEquals("HALTED", resumed.get("state").asText());
        assertEquals(1, resumed.get("halts").size());
        assertEquals("moodle", resumed.get("halts").get(0).get("system").asText());
        assertEquals("MOODLE_UNAVAILABLE", replayOutcome(), "the dead letter waits until Moodle can be read again");
        int moodleCalls = sync.moodle.requests().size();
        assertEquals("HALTED", sync.poll().outcome());
        assertEquals(moodleCalls, sync.moodle.requests().size(), "a halted poll does not call Moodle");
        assertEquals(400, ops.post("/api/resume?system=blackboard").status());

        sync.moodle.setToken(MoodleSimulator.DEMO_TOKEN);
        assertEquals("RUNNING", ops.post("/api/resume?system=moodle").json().get("state").asText());
        assertEquals("DELIVERED", replayOutcome());
        assertEquals("OK", sync.poll().outcome());
        assertEquals(1, failedLogins());
    }

    @Test
    void aLockedLoginSaysLockedWithItsFixInStatusHealthAndPreflight() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").start();
        ops = OpsClient.of(sync);
        lockTheLogin();

        assertTrue(sync.poll().haltedReason().startsWith("ACCOUNT_LOCKED"));

        JsonNode cs = halt(ops.get("/api/status").json(), "coursesales");
        assertEquals("LOCKED", cs.get("state").asText(), cs.toString());
        assertTrue(cs.get("fix").asText().contains("an administrator must unlock it in CourseSales"), cs.toString());
        HealthCheck.Result health = feedHealth();
        assertTrue(health.getMessage().orElse("").contains("CourseSales login LOCKED")
                && health.getMessage().get().contains("an administrator must unlock it"), health.getMessage().toString());
        assertEquals("LOCKED", health.getDetails().get("coursesales.state"));
        for (String line : List.of(loginLine(ops.get("/api/preflight").json()), loginLine(sync.app().preflight()))) {
            assertTrue(line.startsWith("FAIL") && line.contains("LOCKED") && line.contains("an administrator must unlock"),
                    line);
            assertFalse(line.contains("refuses the login: correct coursesales.username"), "not a wrong password: " + line);
        }
        assertTrue(sync.courseSales.isLocked());

        // a preflight run when the lock is first met says LOCKED too
        sync.courseSales.unlock();
        sync.app().context().getRegistry().lookupByNameAndType("feedControl", io.github.mcsync.feed.FeedControl.class).resume();
        lockTheLogin();
        String first = loginLine(sync.app().preflight());
        assertTrue(first.contains("LOCKED: ACCOUNT_LOCKED") && first.contains("an administrator must unlock"), first);
    }

    private static String loginLine(JsonNode report) {
        for (JsonNode c : report.get("checks")) {
            if (c.get("item").asText().equals("CourseSales login")) {
                return c.get("status").asText() + " " + c.get("detail").asText();
            }
        }
        throw new AssertionError(report.toString());
    }

    private static String loginLine(PreflightReport report) {
        return report.getChecks().stream().filter(c -> c.item().equals("CourseSales login"))
                .map(c -> c.status() + " " + c.detail()).findFirst().orElseThrow();
    }

    /** Three wrong logins by someone else lock the login in CourseSales. */
    private void lockTheLogin() {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(CourseSalesPortType.class);
        factory.setAddress(sync.courseSales.url());
        CourseSalesPortType port = (CourseSalesPortType) factory.create();
        for (int i = 0; i < 3; i++) {
            try {
                port.getProcess(new CourseSalesRequests(USERNAME, "guess-" + i).getProcess(7));
            } catch (Exception refused) {
                // AUTHENTICATION_FAILED
            }
        }
        assertTrue(sync.courseSales.isLocked());
    }

    @Test
    void theFingerprintIsSaltedAndACosmeticUrlChangeKeepsTheHalt() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").with("coursesales.password", "wrong-password-77").start();
        assertTrue(sync.poll().haltedReason().startsWith("AUTHENTICATION_FAILED"));
        Map<String, Object> row = sync.state().queryForMap("SELECT * FROM system_halt WHERE system_name = 'coursesales'");
        String fingerprint = (String) row.get("FINGERPRINT");
        assertTrue(fingerprint.startsWith("pbkdf2-sha256:"), fingerprint);
        assertTrue(row.get("FINGERPRINT_SALT") != null);
        String url = sync.courseSales.url();
        assertFalse(fingerprint.contains(sha256(url, USERNAME, "wrong-password-77")), "no unsalted hash of the password");

        // http://127.0.0.1:P/soap/v1 -> http://127.0.0.1:P/soap/v1/ : the same endpoint, the halt stays
        sync.with("coursesales.url", url + "/").restart();
        assertTrue(sync.poll().haltedReason().startsWith("AUTHENTICATION_FAILED"));
        assertEquals(1, sync.courseSales.failedLoginAttempts());
        assertEquals(fingerprint, sync.state().queryForObject(
                "SELECT fingerprint FROM system_halt WHERE system_name = 'coursesales'", String.class), "the kept halt");
        // resumed with the same wrong password: the second halt of the same configuration has a salt of its own
        sync.app().context().getRegistry().lookupByNameAndType("feedControl", io.github.mcsync.feed.FeedControl.class).resume();
        assertTrue(sync.poll().haltedReason().startsWith("AUTHENTICATION_FAILED"));
        assertEquals(2, sync.courseSales.failedLoginAttempts());
        assertNotEquals(fingerprint, sync.state().queryForObject(
                "SELECT fingerprint FROM system_halt WHERE system_name = 'coursesales'", String.class),
                "each halt has a salt of its own");

        sync.with("coursesales.url", url).with("coursesales.password", PASSWORD).restart(); // corrected: lifted
        assertEquals(3, sync.poll().sentCount());
        assertEquals(0, sync.state().queryForObject("SELECT COUNT(*) FROM system_halt", Integer.class));
    }

    @Test
    void haltsKeptByEarlierVersionsAreReadAndRewrittenSalted() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").with("coursesales.password", "wrong-password-77");
        // a state database as version V4 left it: one row, an unsalted "coursesales:<sha256>" fingerprint
        JdbcDataSource v4 = new JdbcDataSource();
        v4.setURL(sync.properties().get("state.jdbc-url"));
        Flyway.configure().dataSource(v4).locations("classpath:db/migration").target("4").load().migrate();
        new JdbcTemplate(v4).update("INSERT INTO feed_halt (id, reason, credential_fingerprint, halted_at) VALUES (1, ?, ?, ?)",
                "AUTHENTICATION_FAILED: Wrong LoginUsername or LoginPassword",
                "coursesales:" + sha256(sync.courseSales.url(), USERNAME, "wrong-password-77"), Timestamp.from(Instant.now()));

        sync.start();
        assertTrue(sync.poll().haltedReason().startsWith("AUTHENTICATION_FAILED"), "the old halt is still in force");
        assertEquals(0, sync.courseSales.failedLoginAttempts(), "and costs no login");
        Map<String, Object> row = sync.state().queryForMap("SELECT * FROM system_halt");
        assertEquals("coursesales", row.get("SYSTEM_NAME"));
        assertEquals("AUTHENTICATION_FAILED", row.get("REASON_CODE"));
        assertTrue(((String) row.get("FINGERPRINT")).startsWith("pbkdf2-sha256:"), "rewritten salted: " + row);
        sync.restart();
        assertEquals("HALTED", sync.poll().outcome());

        sync.with("coursesales.password", PASSWORD).restart(); // the configuration changed: lifted
        assertEquals(3, sync.poll().sentCount());
    }

    @Test
    void aHaltOfTheFirstVersionIsLiftedByAChangedToken() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2");
        Map<String, String> p = sync.properties();
        JdbcDataSource v3 = new JdbcDataSource();
        v3.setURL(p.get("state.jdbc-url"));
        Flyway.configure().dataSource(v3).locations("classpath:db/migration").target("3").load().migrate();
        // V3: one SHA-256 over both systems' endpoints and credentials, here with the Moodle token of back then
        new JdbcTemplate(v3).update("INSERT INTO feed_halt (id, reason, credential_fingerprint, halted_at) VALUES (1, ?, ?, ?)",
                "Moodle refused the web-service call: MOODLE_INVALIDTOKEN (Invalid token)",
                sha256(p.get("coursesales.url"), USERNAME, PASSWORD, p.get("moodle.url"), "old-token-0000"),
                Timestamp.from(Instant.now()));
        sync.start();
        assertEquals(3, sync.poll().sentCount(), "the token changed since: the old halt is lifted");
        assertNull(sync.state().queryForObject("SELECT MAX(system_name) FROM system_halt", String.class));
    }

    private static String sha256(String... values) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String v : values) {
            sha.update(v.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
