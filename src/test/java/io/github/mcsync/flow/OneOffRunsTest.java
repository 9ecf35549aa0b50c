package io.github.mcsync.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.mcsync.SyncHarness;
import io.github.mcsync.SyncMain;
import io.github.mcsync.deadletter.StoreDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Issue 8, item 20: a one-off run (preflight, resume) beside a running service on an H2 file says in one line that
 * the state database is in use and what to do instead; a PostgreSQL schema holding someone else's tables is refused
 * in one line naming state.schema, and with state.schema the state lives in a schema of its own.
 */
class OneOffRunsTest extends FlowTestSupport {

    private record Run(int exit, String stdout, String stderr) {
        List<String> errorLines() {
            return stderr.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    /** java ... SyncMain ARGS as its own process, with the harness's configuration. */
    private Run runAside(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", KillNineTest.classPath()));
        sync.properties().forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("io.github.mcsync.SyncMain");
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(stateDir, "out", ".txt");
        Path err = Files.createTempFile(stateDir, "err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "the one-off run ends");
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void preflightAndResumeBesideARunningServiceSayOneLine() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").start(); // the running service holds the H2 file
        assertEquals(3, sync.poll().sentCount());
        for (String[] args : List.of(new String[] {"preflight"}, new String[] {"resume"}, new String[] {"resume", "moodle"})) {
            Run run = runAside(args);
            assertEquals(2, run.exit(), String.join(" ", args) + ": " + run);
            assertEquals(1, run.errorLines().size(), run.stderr());
            String line = run.errorLines().get(0);
            assertTrue(line.startsWith("state database: the state database jdbc:h2:file:") && line.contains("is in use by"
                    + " another process") && line.contains("POST /api/resume"), line);
            assertFalse((run.stdout() + run.stderr()).contains("\tat "), "no stack trace: " + run);
        }
        assertEquals("RUNNING", sync.app().context().getRegistry()
                .lookupByNameAndType("statusReport", io.github.mcsync.ops.StatusReport.class).status().state());
    }

    /** SyncMain in this JVM; its stderr. */
    private static Run runHere(Map<String, String> properties, String... args) throws Exception {
        PrintStream was = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = SyncMain.run(args, properties);
            return new Run(exit, "", err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(was);
        }
    }

    @Test
    void aPostgresSchemaWithOtherTablesIsRefusedInOneLineAndStateSchemaGivesUsOurOwn() throws Exception {
        String url = StoreDatabases.postgresSchemaUrl();
        assumeTrue(url != null, () -> "skipped: " + StoreDatabases.whyNoPostgres());
        String shared = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        try (Connection c = DriverManager.getConnection(url, "postgres", null); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + shared + ".someone_elses (id INTEGER)"); // the shared database's other tenant
        }
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").with("state.jdbc-url", url).with("state.username", "postgres");
        Map<String, String> props = new HashMap<>(sync.properties());

        Run refused = runHere(props, "preflight");
        assertEquals(2, refused.exit(), refused.toString());
        assertEquals(1, refused.errorLines().size(), refused.stderr());
        assertTrue(refused.errorLines().get(0).startsWith("state database: ") && refused.errorLines().get(0)
                .contains("set state.schema (STATE_SCHEMA)"), refused.stderr());

        String ours = "mcsync_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        props.put("state.schema", ours);
        Run preflight = runHere(props, "preflight");
        assertEquals(0, preflight.exit(), preflight.toString());
        sync.with("state.schema", ours).start();
        assertEquals(3, sync.poll().sentCount(), "the whole flow keeps its state in the schema of its own");

        DriverManagerDataSource ds = new DriverManagerDataSource(url, "postgres", "");
        JdbcTemplate pg = new JdbcTemplate(ds);
        assertEquals(List.of("someone_elses"), pg.queryForList("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = ? ORDER BY table_name", String.class, shared), "the other tenant's schema untouched");
        List<String> mine = pg.queryForList("SELECT lower(table_name) FROM information_schema.tables WHERE table_schema = ?",
                String.class, ours);
        assertTrue(mine.containsAll(List.of("dead_letter", "system_halt", "camel_messageprocessed")), mine.toString());
        assertEquals(3, pg.queryForObject("SELECT COUNT(*) FROM " + ours + ".camel_messageprocessed", Integer.class));
    }
}
