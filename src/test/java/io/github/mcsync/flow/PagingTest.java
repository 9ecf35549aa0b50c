package io.github.mcsync.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mcsync.LogCapture;
import io.github.mcsync.SyncHarness;
import io.github.mcsync.demo.moodle.MoodleSimulator;
import io.github.mcsync.feed.PollRun;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, item 11: core_enrol_get_enrolled_users is paged until an empty page (a short page in the middle does not
 * end the read), and a user listed twice because the list shifted during the read is taken once, not a failure.
 * PHYS101 (course 2) lists active users 3, 4, 5 (students) and 8 (teacher); pages of 2.
 */
class PagingTest extends FlowTestSupport {

    @Test
    void aShortPageInTheMiddleDoesNotEndTheRead() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").with("moodle.page-size", "2").start();
        sync.moodle.hideFromWebService(4, true); // the first page comes back with user 3 only

        PollRun run = sync.poll();

        assertTrue(run.ok(), run.summary());
        assertEquals(1, sync.courseSales.documentCount("moodle:c2:u3"));
        assertEquals(1, sync.courseSales.documentCount("moodle:c2:u5"), "user 5 is on the page after the short one");
        assertEquals(0, sync.courseSales.documentCount("moodle:c2:u4"), "hidden from the web-service user");
        assertTrue(sync.moodle.requests().stream().anyMatch(r -> MoodleSimulator.enrolledUsersOf(2).test(r)
                && "4".equals(r.option("limitfrom")) && "1".equals(r.option("onlyactive"))), "read on to an empty page");
    }

    @Test
    void aUserListedTwiceBecauseTheListShiftedIsTakenOnce() throws Exception {
        try (LogCapture log = new LogCapture()) {
            sync = new SyncHarness(stateDir).with("moodle.courses", "2").with("moodle.page-size", "2").start();
            AtomicBoolean shifted = new AtomicBoolean();
            sync.moodle.beforeAnswering(r -> {
                // between the first and the second page, the admin (user 2) is enrolled: user 4 moves to the second page
                if (MoodleSimulator.enrolledUsersOf(2).test(r) && "2".equals(r.option("limitfrom"))
                        && shifted.compareAndSet(false, true)) {
                    sync.moodle.enrol(2, 2, "student");
                }
            });

            PollRun run = sync.poll();

            assertTrue(run.ok(), run.summary());
            assertEquals("poll 1: 3 new, 3 sent, 0 dead-lettered", run.summary());
            assertEquals(1, sync.courseSales.documentCount("moodle:c2:u4"), "listed twice, registered once");
            assertTrue(log.all().contains("Course 2: 1 user(s) listed twice while paging"), "said once");

            PollRun next = sync.poll();
            assertEquals("poll 2: 1 new, 1 sent, 0 dead-lettered", next.summary(), "the user enrolled meanwhile");
            assertEquals(1, sync.courseSales.documentCount("moodle:c2:u2"));
            assertEquals(4, sync.courseSales.documents().size());
        }
    }
}
