package io.github.mcsync.flow;

import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.REGISTRATION_FORM_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mcsync.SyncHarness;
import io.github.mcsync.demo.moodle.MoodleFailure;
import io.github.mcsync.ops.PreflightReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 3: the preflight checklist against the live systems (simulators), through routes/preflight.camel.yaml. */
class PreflightTest extends FlowTestSupport {

    private static List<String> failures(PreflightReport r) {
        return r.getChecks().stream().filter(c -> "FAIL".equals(c.status())).map(PreflightReport.Check::line).toList();
    }

    @Test
    void aHealthySetUpPassesEveryItem() throws Exception {
        sync = new SyncHarness(stateDir).start();
        PreflightReport r = sync.app().preflight();
        assertTrue(r.isPassed(), String.join("\n", r.lines()));
        assertEquals(10, r.getChecks().size(), String.join("\n", r.lines()));
        assertTrue(r.lines().contains("PASS  Course 3 PHYS301             course date 9002 'Quantum Mechanics — Advanced — Semester 1 2027', category 501"),
                String.join("\n", r.lines()));
    }

    @Test
    void eachProblemIsOneFailLineSayingWhereToFixIt() throws Exception {
        sync = new SyncHarness(stateDir).start();
        sync.courseSales.setFormPublished(REGISTRATION_FORM_ID, false);
        sync.moodle.addCourse("ORPHAN", "Orphan course", "", 4, true);

        PreflightReport r = sync.app().preflight();

        assertFalse(r.isPassed());
        List<String> failed = failures(r);
        assertEquals(2, failed.size(), String.join("\n", r.lines()));
        assertTrue(failed.get(0).contains("Form 12 'Moodle registration' is not published: publish it under Forms in CourseSales"),
                failed.get(0));
        assertTrue(failed.get(1).contains("ORPHAN") && failed.get(1).contains("UNMAPPED_COURSE"), failed.get(1));
    }

    @Test
    void aBadTokenAndAMissingFunctionAreReported() throws Exception {
        sync = new SyncHarness(stateDir).start();
        sync.moodle.failNext(1, MoodleFailure.INVALID_TOKEN);
        List<String> failed = failures(sync.app().preflight());
        assertEquals(1, failed.size());
        assertTrue(failed.get(0).contains("invalidtoken") && failed.get(0).contains("moodle.token"), failed.get(0));
    }

    @Test
    void aRefusedLoginIsReportedOnceAndNeverTriedAgain() throws Exception {
        sync = new SyncHarness(stateDir).with("coursesales.password", "not-the-password").start();
        List<String> first = failures(sync.app().preflight());
        assertTrue(first.get(0).contains("AUTHENTICATION_FAILED"), first.get(0));
        List<String> second = failures(sync.app().preflight());
        assertTrue(second.get(0).contains("not tried, CourseSales is halted: AUTHENTICATION_FAILED"), second.get(0));
        assertEquals(1, sync.courseSales.failedLoginAttempts(), "a login locks after 3 failures: one try only");
        assertFalse(sync.courseSales.isLocked());
    }
}
