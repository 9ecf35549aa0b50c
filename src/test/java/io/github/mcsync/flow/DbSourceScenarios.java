package io.github.mcsync.flow;

import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.FIELD_CITY;
import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.FIELD_EMAIL;
import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.FIELD_FIRST_NAME;
import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.FIELD_LAST_NAME;
import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.FIELD_MOODLE_ID;
import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.FIELD_PHONE;
import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.FIELD_STUDENT_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mcsync.LogCapture;
import io.github.mcsync.SyncHarness;
import io.github.mcsync.SyncMain;
import io.github.mcsync.demo.coursesales.StoredDocument;
import io.github.mcsync.feed.PollRun;
import io.github.mcsync.moodle.db.MoodleTestDatabase;
import io.github.mcsync.observe.Observe;
import io.github.mcsync.ops.PreflightReport;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, the Moodle database source, through the real routes (moodle-db-source, process-enrolments, validate,
 * send) between a real Moodle database holding the fixtures' rows and the CourseSales simulator (SOAP over HTTP).
 * Each database runs every scenario: {@link PostgresDbSourceTest}, {@link MariaDbSourceTest}.
 */
abstract class DbSourceScenarios extends FlowTestSupport {
    /** The fixtures' active student enrolments (NOTES.txt): user_enrolments ids. */
    static final List<String> ACTIVE_STUDENTS = List.of("moodle:ue:1", "moodle:ue:12", "moodle:ue:13", "moodle:ue:14",
            "moodle:ue:16", "moodle:ue:2", "moodle:ue:3", "moodle:ue:9");

    abstract MoodleTestDatabase db();

    @BeforeEach
    void freshMoodleRows() {
        db().reload();
    }

    SyncHarness harness() {
        return new SyncHarness(stateDir).without("moodle.url").without("moodle.token")
                .with("moodle.source", "db").with("moodle.db.url", db().url).with("moodle.db.username", db().adminUser)
                .with("moodle.db.connect-timeout", "1s");
    }

    SyncHarness started() throws Exception {
        sync = harness().start();
        return sync;
    }

    List<String> sentRefs() {
        return sync.courseSales.documents().stream().map(StoredDocument::sourceReference).sorted().toList();
    }

    StoredDocument document(String ref) {
        return sync.courseSales.documents().stream().filter(d -> d.sourceReference().equals(ref)).findFirst()
                .orElseThrow(() -> new AssertionError("no document for " + ref));
    }

    Long mark() {
        return sync.state().queryForList("SELECT high_water FROM db_source_mark", Long.class).stream().findFirst()
                .orElse(null);
    }

    // ---- Moodle rows the fixtures lack: a deleted user, a suspended user, a disabled instance, a hidden course

    long user(long id, String username, String first, String last, int deleted, int suspended) {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("id", id);
        u.put("auth", "manual");
        u.put("confirmed", 1);
        u.put("deleted", deleted);
        u.put("suspended", suspended);
        u.put("mnethostid", 1);
        u.put("username", username);
        u.put("firstname", first);
        u.put("lastname", last);
        u.put("email", username + "@example.com");
        u.put("description", "");
        return db().insert("mdl_user", u);
    }

    /** Enrols a user through an enrol instance with a role in the course context; answers the user_enrolments id. */
    long enrol(long enrolId, long userId, long contextId, long roleId, int status, long timeStart, long timeEnd) {
        Map<String, Object> ue = new LinkedHashMap<>();
        ue.put("status", status);
        ue.put("enrolid", enrolId);
        ue.put("userid", userId);
        ue.put("timestart", timeStart);
        ue.put("timeend", timeEnd);
        ue.put("modifierid", 2);
        ue.put("timecreated", db().now());
        ue.put("timemodified", db().now());
        long id = db().insert("mdl_user_enrolments", ue);
        Map<String, Object> ra = new LinkedHashMap<>();
        ra.put("roleid", roleId);
        ra.put("contextid", contextId);
        ra.put("userid", userId);
        ra.put("timemodified", db().now());
        ra.put("modifierid", 2);
        ra.put("component", "");
        ra.put("itemid", 0);
        ra.put("sortorder", 0);
        db().insert("mdl_role_assignments", ra);
        return id;
    }

    static final long PHYS101_MANUAL = 1;
    static final long PHYS101_SELF_DISABLED = 3;
    static final long PHYS101_CONTEXT = 14;
    static final long SCILAB_HIDDEN_MANUAL = 10;
    static final long SCILAB_CONTEXT = 17;
    static final long STUDENT = 5;

    @Test
    void exactlyTheActiveStudentEnrolmentsAreRegisteredWithTheirValues() throws Exception {
        user(11, "deleted.user", "Del", "Eted", 1, 0);
        user(12, "suspended.user", "Sus", "Pended", 0, 1);
        user(13, "other.student", "Oth", "Er", 0, 0);
        enrol(PHYS101_MANUAL, 11, PHYS101_CONTEXT, STUDENT, 0, 0, 0);
        long suspendedUser = enrol(PHYS101_MANUAL, 12, PHYS101_CONTEXT, STUDENT, 0, 0, 0);
        long disabledInstance = enrol(PHYS101_SELF_DISABLED, 13, PHYS101_CONTEXT, STUDENT, 0, 0, 0);
        long hiddenCourse = enrol(SCILAB_HIDDEN_MANUAL, 13, SCILAB_CONTEXT, STUDENT, 0, 0, 0);
        sync = harness().with("coursesales.fields." + FIELD_CITY, "city")
                .with("coursesales.fields." + FIELD_STUDENT_ID, "profile:studentid").start();

        PollRun run = sync.poll();

        assertEquals("poll 1: 8 new, 8 sent, 0 dead-lettered", run.summary());
        assertTrue(run.ok());
        // not sent: teachers (6, 11), suspended enrolments (5, 15), expired (7, 10), not started (4), a deleted user, a
        // suspended user, a disabled instance, a hidden course
        assertEquals(ACTIVE_STUDENTS, sentRefs());
        StoredDocument zoe = document("moodle:ue:1");
        assertEquals("3", zoe.documentSourceId());
        Map<Integer, String> expected = new LinkedHashMap<>();
        expected.put(FIELD_FIRST_NAME, "Zoë");
        expected.put(FIELD_LAST_NAME, "Łukasz-O'Brien");
        expected.put(FIELD_EMAIL, "zoe.lukasz@example.com");
        expected.put(FIELD_PHONE, "+48 22 123 45 67");
        expected.put(FIELD_MOODLE_ID, "3");
        expected.put(FIELD_CITY, "Kraków");
        expected.put(FIELD_STUDENT_ID, "S1001");
        assertEquals(expected, zoe.fieldValues());
        assertEquals("S1003", document("moodle:ue:3").fieldValues().get(FIELD_STUDENT_ID), "John's custom field");
        assertEquals(ACTIVE_STUDENTS, sync.doneKeys());
        assertEquals(List.of("ue"), sync.state().queryForList("SELECT DISTINCT key_scheme FROM delivery", String.class));
        assertEquals(hiddenCourse, mark(), "the mark passed every row read");
        // the rows that may still become active are pending: 4 (not started), 5 and 15 (suspended), the suspended
        // user's and the disabled instance's; not the hidden course's (a course made visible later does not backfill)
        assertEquals(List.of(4L, 5L, 15L, suspendedUser, disabledInstance), sync.state().queryForList(
                "SELECT enrolment_id FROM db_source_pending ORDER BY enrolment_id", Long.class));
    }

    @Test
    void aSecondPollRegistersNothingAndRowsInsertedLaterAreRegisteredOnce() throws Exception {
        started().poll();
        assertEquals("poll 2: 0 new, 0 sent, 0 dead-lettered", sync.poll().summary());

        user(11, "late.student", "Late", "Comer", 0, 0);
        long ue = enrol(PHYS101_MANUAL, 11, PHYS101_CONTEXT, STUDENT, 0, 0, 0);
        assertEquals("poll 3: 1 new, 1 sent, 0 dead-lettered", sync.poll().summary());
        assertEquals("poll 4: 0 new, 0 sent, 0 dead-lettered", sync.poll().summary());
        assertEquals(1, sync.courseSales.documentCount("moodle:ue:" + ue));
        assertEquals(9, sync.courseSales.documents().size());
        // what the polls found (8, 0, 1, 0) is counted as the REST source counts it
        String metrics = new Observe(sync.managementUrl()).metrics();
        assertEquals(9.0, Observe.sample(metrics, "mcsync_enrolments_polled_total"), metrics);
    }

    @Test
    void manyNewRowsArriveBatchByBatchInOnePoll() throws Exception {
        sync = harness().with("moodle.db.batch-size", "3").start();
        PollRun run = sync.poll();
        assertEquals(8, run.sentCount(), "every batch of the poll is read, not only the first");
        assertEquals(ACTIVE_STUDENTS, sentRefs());
        assertEquals(16L, mark());
    }

    @Test
    void aFutureStartEnrolmentIsRegisteredOnceItStarts() throws Exception {
        started().poll();
        assertEquals(0, sync.courseSales.documentCount("moodle:ue:4"), "Li's PHYS101 enrolment starts in 14 days");

        // time passes: the start is now behind us (the row is not touched otherwise, its id stays below the mark)
        db().admin.update("UPDATE mdl_user_enrolments SET timestart = ? WHERE id = 4", db().now() - 60);
        assertEquals("poll 2: 1 new, 1 sent, 0 dead-lettered", sync.poll().summary());
        assertEquals(1, sync.courseSales.documentCount("moodle:ue:4"));
        assertEquals("poll 3: 0 new, 0 sent, 0 dead-lettered", sync.poll().summary());
        assertFalse(sync.state().queryForList("SELECT enrolment_id FROM db_source_pending", Long.class).contains(4L));
    }

    @Test
    void aSuspendedEnrolmentIsRegisteredOnceMadeActiveAndASuspensionIsNoNewRegistration() throws Exception {
        started().poll();
        assertEquals(0, sync.courseSales.documentCount("moodle:ue:5"), "Sam's PHYS101 enrolment is suspended");

        db().admin.update("UPDATE mdl_user_enrolments SET status = 0 WHERE id = 5");
        assertEquals("poll 2: 1 new, 1 sent, 0 dead-lettered", sync.poll().summary());

        // suspended and reactivated again: the same enrolment, not a new registration
        db().admin.update("UPDATE mdl_user_enrolments SET status = 1 WHERE id = 5");
        sync.poll();
        db().admin.update("UPDATE mdl_user_enrolments SET status = 0 WHERE id = 5");
        assertEquals(0, sync.poll().sentCount());
        assertEquals(1, sync.courseSales.documentCount("moodle:ue:5"));
    }

    @Test
    void aReEnrolmentAfterAnUnenrolmentIsANewRowAndIsSent() throws Exception {
        started().poll();
        db().admin.update("DELETE FROM mdl_user_enrolments WHERE id = 1"); // Zoë unenrolled from PHYS101
        sync.poll();
        long again = enrol(PHYS101_MANUAL, 3, PHYS101_CONTEXT, STUDENT, 0, 0, 0);
        assertEquals(1, sync.poll().sentCount());
        assertEquals(1, sync.courseSales.documentCount("moodle:ue:" + again));
        assertEquals(1, sync.courseSales.documentCount("moodle:ue:1"));
    }

    @Test
    void aCrashBetweenDeliveryAndTheMarkUpdateDuplicatesNothing() throws Exception {
        started().poll();
        // as if the process died after CourseSales accepted the batch and before the mark was written
        sync.state().update("DELETE FROM db_source_mark");
        sync.state().update("DELETE FROM db_source_pending");
        sync.restart();

        PollRun again = sync.poll();

        assertEquals(0, again.sentCount());
        assertEquals(8, sync.courseSales.documents().size());
        ACTIVE_STUDENTS.forEach(ref -> assertEquals(1, sync.courseSales.documentCount(ref), ref));
        assertEquals(16L, mark(), "the batch is settled again");
    }

    @Test
    void moodleStartNowRecordsTheMarkWithoutSendingAndWatchesWhatIsNotActiveYet() throws Exception {
        sync = harness().with("moodle.start", "now").start();
        PollRun first = sync.poll();
        assertEquals(0, sync.courseSales.documents().size());
        assertEquals(8, first.baselineCount());
        assertEquals(16L, mark());

        user(11, "after.start", "After", "Start", 0, 0);
        long ue = enrol(PHYS101_MANUAL, 11, PHYS101_CONTEXT, STUDENT, 0, 0, 0);
        db().admin.update("UPDATE mdl_user_enrolments SET timestart = ? WHERE id = 4", db().now() - 60);
        sync.poll();
        assertEquals(java.util.Set.of("moodle:ue:4", "moodle:ue:" + ue), java.util.Set.copyOf(sentRefs()),
                "a later enrolment, and one not started at the first start once it starts");
    }

    @Test
    void aSwitchFromTheRestSourceIsNeverSilent() throws Exception {
        sync = harness().with("moodle.start", "now").start();
        sync.state().update("INSERT INTO delivery (source_reference, key_scheme, outcome, recorded_at)"
                + " VALUES ('moodle:c2:u3', 'course-user', 'DELIVERED', CURRENT_TIMESTAMP)");
        try (LogCapture log = new LogCapture()) {
            sync.poll();
            assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("WARN") && l.contains("1 registrations made by the"
                    + " REST source") && l.contains("none is sent again")), log.all());
        }
        assertEquals(0, sync.courseSales.documents().size());
    }

    @Test
    void moodleStartNowTakesItsBaselineEvenWhileTheFeedIsHalted() throws Exception {
        sync = harness().with("moodle.start", "now").start();
        sync.app().context().getRegistry().lookupByNameAndType("feedControl", io.github.mcsync.feed.FeedControl.class)
                .haltCourseSales("AUTHENTICATION_FAILED", "test: refused");
        sync.poll();
        assertEquals(16L, mark(), "a baseline reads Moodle only");
        assertEquals(0, sync.courseSales.documents().size());
    }

    @Test
    void unicodeArrivesByteExact() throws Exception {
        String first = "小龍 ‏שלום‎ 🎓";
        String last = "O'Brien & <Sons> \"Ltd\" مريم";
        user(11, "unicode.user", first, last, 0, 0);
        long ue = enrol(PHYS101_MANUAL, 11, PHYS101_CONTEXT, STUDENT, 0, 0, 0);
        started().poll();
        StoredDocument d = document("moodle:ue:" + ue);
        assertEquals(first, d.fieldValues().get(FIELD_FIRST_NAME));
        assertEquals(last, d.fieldValues().get(FIELD_LAST_NAME));
    }

    // ---- SQL failures: one line without the password, nothing sent, the mark not moved

    void failsCleanly(SyncHarness h, String code, String secret) throws Exception {
        try (LogCapture log = new LogCapture()) {
            sync = h.start();
            PollRun run = sync.poll();
            assertFalse(run.ok());
            assertNotNull(run.failure(), run.summary());
            assertTrue(run.failure().startsWith(code), run.failure());
            assertEquals(0, sync.courseSales.documents().size());
            assertEquals(List.of(), sync.doneKeys());
            assertEquals(null, mark(), "the mark is not moved");
            List<String> lines = log.lines().stream().filter(l -> l.contains(code)).toList();
            assertEquals(1, lines.size(), "one line: " + lines);
            List<String> warnings = log.lines().stream().filter(l -> l.startsWith("WARN") || l.startsWith("ERROR")).toList();
            assertEquals(lines, warnings, "and no other warning (the driver's, the pool's)");
            assertFalse(lines.get(0).contains("\n"), lines.get(0));
            if (secret != null) {
                assertFalse(log.all().contains(secret), "the password is never logged");
            }
        }
    }

    @Test
    void aRefusedConnectionFailsThePollCleanly() throws Exception {
        failsCleanly(harness().with("moodle.db.url", db().isPostgres() ? "jdbc:postgresql://127.0.0.1:9/moodle"
                : "jdbc:mariadb://127.0.0.1:9/moodle"), "MOODLE_DB_UNREACHABLE", null);
    }

    @Test
    void aWrongPrefixFailsThePollCleanlyAndOnceExitsNonZero() throws Exception {
        failsCleanly(harness().with("moodle.db.prefix", "wrong_"), "MOODLE_DB_TABLE_MISSING", null);
        sync.close();
        sync = null;
        Map<String, String> props = new java.util.HashMap<>(harness().with("moodle.db.prefix", "wrong_").properties());
        assertEquals(1, SyncMain.run(new String[] {"--once"}, props));
    }

    @Test
    void aMissingColumnFailsThePollCleanly() throws Exception {
        for (String t : List.of("enrol", "course", "user", "context", "role_assignments", "role", "user_info_data",
                "user_info_field")) {
            db().admin.execute("CREATE VIEW old_" + t + " AS SELECT * FROM mdl_" + t);
        }
        db().admin.execute("CREATE VIEW old_user_enrolments AS SELECT id, status, enrolid, userid, timestart, timeend"
                + " FROM mdl_user_enrolments"); // no timecreated
        try {
            failsCleanly(harness().with("moodle.db.prefix", "old_"), "MOODLE_DB_COLUMN_MISSING", null);
        } finally {
            for (String t : List.of("enrol", "course", "user", "context", "role_assignments", "role", "user_info_data",
                    "user_info_field", "user_enrolments")) {
                db().admin.execute("DROP VIEW old_" + t);
            }
        }
    }

    @Test
    void aWrongPasswordFailsThePollCleanlyWithoutThePassword() throws Exception {
        String user = "mcsync_pw_" + UUID.randomUUID().toString().substring(0, 8);
        String password = "right-pw-" + UUID.randomUUID();
        createReader(user, password, false);
        String wrong = "wrong-pw-" + UUID.randomUUID();
        try (Connection c = java.sql.DriverManager.getConnection(db().url, user, wrong)) {
            org.junit.jupiter.api.Assumptions.abort("skipped: this " + db().kind + " accepts any password for " + user
                    + " (trust authentication, as embedded PostgreSQL has): a wrong password cannot be refused here");
        } catch (SQLException refused) {
            // as a real server does
        }
        failsCleanly(harness().with("moodle.db.username", user).with("moodle.db.password", wrong),
                "MOODLE_DB_LOGIN_REFUSED", wrong);
    }

    @Test
    void aMissingGrantFailsThePollCleanlyAndPreflightNamesTheTables() throws Exception {
        String user = "mcsync_ng_" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        createReader(user, password, true); // every grant but mdl_user_info_data
        failsCleanly(harness().with("moodle.db.username", user).with("moodle.db.password", password),
                "MOODLE_DB_PERMISSION_DENIED", password);
        PreflightReport report = sync.app().preflight();
        String lines = String.join("\n", report.lines());
        assertTrue(lines.contains("FAIL  Moodle read grants") && lines.contains("mdl_user_info_data"), lines);
        assertFalse(lines.contains(password));
    }

    @Test
    void theReadmeGrantIsEnoughAndTheAccountCannotWriteThroughThePool() throws Exception {
        String user = "mcsync_ok_" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        createReader(user, password, false);
        sync = harness().with("moodle.db.username", user).with("moodle.db.password", password)
                .with("coursesales.receive-timeout", "20s").start();
        PreflightReport report = sync.app().preflight();
        String lines = String.join("\n", report.lines());
        assertTrue(lines.contains("PASS  Moodle database") && lines.contains("PASS  Moodle tables")
                && lines.contains("PASS  Course 2 PHYS101"), lines);
        assertEquals(8, sync.poll().sentCount());

        // the pool is read-only whatever the account may do: root / postgres through the same pool settings
        sync.close();
        sync = harness().start();
        DataSource moodle = sync.app().context().getRegistry().lookupByNameAndType("moodleDataSource", DataSource.class);
        try (Connection c = moodle.getConnection(); Statement s = c.createStatement()) {
            assertTrue(c.isReadOnly());
            assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE mdl_user SET firstname = 'x' WHERE id = 3"));
        }
        assertEquals("Zoë", db().admin.queryForObject("SELECT firstname FROM mdl_user WHERE id = 3", String.class));
    }

    /** A login with the README's read-only grants (optionally without mdl_user_info_data). */
    abstract void createReader(String user, String password, boolean withoutProfileData);

    void grantTables(String grantPattern, boolean withoutProfileData) {
        for (String t : io.github.mcsync.moodle.db.MoodleDatabaseCheck.TABLES) {
            if (withoutProfileData && t.equals("user_info_data")) {
                continue;
            }
            db().admin.execute(grantPattern.replace("TABLE", "mdl_" + t));
        }
    }
}
