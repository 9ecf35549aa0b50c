package io.github.mcsync.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mcsync.SyncHarness;
import io.github.mcsync.coursesales.CourseSalesRequests;
import io.github.mcsync.coursesales.soap.CourseSalesPortType;
import io.github.mcsync.demo.coursesales.CourseSalesDemoData;
import io.github.mcsync.feed.FeedControl;
import io.github.mcsync.feed.PollRun;
import java.nio.file.Path;
import java.util.List;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4: one failed login per credential, never more, even when the feed runs as a fresh process every few
 * minutes (--once from cron): the halt is kept in the state database until the configuration changes or an
 * operator resumes.
 */
class PersistentHaltTest {
    @TempDir
    Path stateDir;

    @Test
    void aRefusedLoginStaysHaltedAcrossRestartsUntilTheConfigurationChanges() throws Exception {
        try (SyncHarness sync = new SyncHarness(stateDir).with("moodle.courses", "2")
                .with("coursesales.password", "wrong-password-1").start()) {
            PollRun first = sync.poll();
            assertTrue(first.haltedReason().startsWith("AUTHENTICATION_FAILED"), first.summary());
            assertEquals(1, sync.courseSales.failedLoginAttempts());

            for (int run = 0; run < 3; run++) { // three more cron runs with the same configuration
                sync.restart();
                PollRun again = sync.poll();
                assertTrue(again.haltedReason() != null && again.haltedReason().startsWith("AUTHENTICATION_FAILED"),
                        again.summary());
            }
            assertEquals(1, sync.courseSales.failedLoginAttempts(), "no second failed login");
            sync.moodle.setToken("rotated-moodle-token-42");
            sync.with("moodle.token", "rotated-moodle-token-42").restart(); // a Moodle change does not lift it
            assertTrue(sync.poll().haltedReason().startsWith("AUTHENTICATION_FAILED"));
            assertEquals(1, sync.courseSales.failedLoginAttempts(), "still no second failed login");
            assertFalse(sync.courseSales.isLocked());
            assertEquals(0, sync.courseSales.documents().size());

            sync.with("coursesales.password", CourseSalesDemoData.PASSWORD).restart(); // configuration changed
            PollRun fixed = sync.poll();
            assertEquals("poll 1: 3 new, 3 sent, 0 dead-lettered", fixed.summary());
        }
    }

    @Test
    void anOperatorResumeLiftsTheKeptHalt() throws Exception {
        try (SyncHarness sync = new SyncHarness(stateDir).with("moodle.courses", "2").start()) {
            sync.courseSales.setCredentials(CourseSalesDemoData.USERNAME, "rotated-in-coursesales");
            assertTrue(sync.poll().haltedReason().startsWith("AUTHENTICATION_FAILED"));
            sync.restart();
            assertTrue(sync.poll().haltedReason() != null, "still halted after a restart");

            sync.courseSales.setCredentials(CourseSalesDemoData.USERNAME, CourseSalesDemoData.PASSWORD); // fixed there
            sync.app().context().getRegistry().lookupByNameAndType("feedControl", FeedControl.class).resume();
            sync.restart();
            assertEquals(3, sync.poll().sentCount());
            assertEquals(1, sync.courseSales.failedLoginAttempts());
        }
    }

    @Test
    void aLockedLoginHaltsTheFeedWithoutAnotherTry() throws Exception {
        try (SyncHarness sync = new SyncHarness(stateDir).with("moodle.courses", "2").start()) {
            lockTheLogin(sync);
            int failedBefore = sync.courseSales.failedLoginAttempts();

            PollRun run = sync.poll();

            assertTrue(run.haltedReason() != null && run.haltedReason().startsWith("ACCOUNT_LOCKED"), run.summary());
            assertEquals(List.of(), sync.deadLetters(), "nothing is dead-lettered");
            assertEquals(0, sync.courseSales.documents().size());
            sync.poll();
            assertEquals(failedBefore, sync.courseSales.failedLoginAttempts(), "no further try while locked");

            sync.courseSales.unlock(); // an administrator unlocks it in CourseSales, then ops resume
            sync.app().context().getRegistry().lookupByNameAndType("feedControl", FeedControl.class).resume();
            assertEquals(3, sync.poll().sentCount());
        }
    }

    /** Three wrong logins by someone else lock the login in CourseSales. */
    private static void lockTheLogin(SyncHarness sync) {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(CourseSalesPortType.class);
        factory.setAddress(sync.courseSales.url());
        CourseSalesPortType port = (CourseSalesPortType) factory.create();
        for (int i = 0; i < 3; i++) {
            try {
                port.getProcess(new CourseSalesRequests(CourseSalesDemoData.USERNAME, "guess-" + i).getProcess(7));
            } catch (Exception refused) {
                // AUTHENTICATION_FAILED
            }
        }
        assertTrue(sync.courseSales.isLocked());
    }
}
