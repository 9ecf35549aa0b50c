package io.github.mcsync.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mcsync.SyncHarness;
import io.github.mcsync.demo.coursesales.StoredDocument;
import io.github.mcsync.demo.moodle.SimulatedUser;
import io.github.mcsync.feed.PollRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, item 9: moodle.start=now takes its baseline at the first start whatever happens to the first poll (it is a
 * Moodle read only, taken while CourseSales is halted too), and a course that enters the watch list later, or a role
 * added to moodle.roles, gets its own baseline the first time it is seen instead of backfilling its history.
 */
class BaselinePerCourseTest extends FlowTestSupport {

    @Test
    void aFirstStartHaltedByCourseSalesStillTakesItsBaseline() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").with("moodle.start", "now")
                .with("coursesales.password", "wrong-password-77").start();
        sync.app().preflight(); // the wrong password is refused once: CourseSales halted from the first start

        PollRun first = sync.poll();

        assertTrue(first.summary().contains("baseline, 3 existing enrolments recorded as known"), first.summary());
        assertTrue(first.summary().contains("feed halted"), first.summary());
        assertEquals(1, sync.courseSales.failedLoginAttempts(), "the baseline cost no login");
        int reads = sync.moodle.requestCount("core_enrol_get_enrolled_users");
        assertEquals(0, sync.poll().foundCount(), "halted: a course with its baseline is not read again");
        assertEquals(reads, sync.moodle.requestCount("core_enrol_get_enrolled_users"));

        // days later, while still halted, a student enrols; then the password is corrected
        long meanwhile = newStudent("meanwhile", 2);
        sync.with("coursesales.password", io.github.mcsync.demo.coursesales.CourseSalesDemoData.PASSWORD).restart();
        PollRun fixed = sync.poll();

        assertEquals("poll 1: 1 new, 1 sent, 0 dead-lettered", fixed.summary(), "nothing made meanwhile is swallowed");
        assertEquals(List.of("moodle:c2:u" + meanwhile), references());
    }

    @Test
    void aCourseOrRoleWatchedLaterGetsItsOwnBaseline() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").with("moodle.start", "now").start();
        assertTrue(sync.poll().summary().contains("baseline, 3 existing"));
        long inTwo = newStudent("in.two", 2);

        // FR-101 (course 4, students 3, 6, 10) is added to the watch list
        sync.with("moodle.courses", "2,4").restart();
        PollRun added = sync.poll();

        assertTrue(added.summary().contains("baseline, 3 existing enrolments recorded as known"), added.summary());
        assertEquals(List.of("moodle:c2:u" + inTwo), references(), "FR-101's history is not backfilled");
        long inFour = newStudent("in.four", 4);
        assertEquals(1, sync.poll().sentCount());
        assertEquals(1, sync.courseSales.documentCount("moodle:c4:u" + inFour));

        // teachers are registered from now on: the teacher already in PHYS101 (user 8) is part of its baseline
        sync.with("moodle.roles", "student,editingteacher").restart();
        PollRun roles = sync.poll();
        assertTrue(roles.summary().contains("baseline, 1 existing enrolments recorded as known"), roles.summary());
        assertEquals(0, roles.sentCount(), roles.summary());
        long teacher = sync.moodle.addUser(SimulatedUser.builder("new.teacher").firstname("New").lastname("Teacher")
                .email("new.teacher@example.com").build());
        sync.moodle.enrol(4, teacher, "editingteacher");
        assertEquals(1, sync.poll().sentCount());
        assertEquals(1, sync.courseSales.documentCount("moodle:c4:u" + teacher));
        assertEquals(0, sync.courseSales.documentCount("moodle:c2:u8"));
        assertEquals(3, sync.courseSales.documents().size());
    }

    private long newStudent(String username, long courseId) {
        long id = sync.moodle.addUser(SimulatedUser.builder(username).firstname("New").lastname("Student")
                .email(username + "@example.com").build());
        sync.moodle.enrol(courseId, id, "student");
        return id;
    }

    private List<String> references() {
        return sync.courseSales.documents().stream().map(StoredDocument::sourceReference).sorted().toList();
    }

}
