package io.github.mcsync.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mcsync.SyncHarness;
import io.github.mcsync.demo.coursesales.CourseSalesDemoData;
import io.github.mcsync.demo.moodle.MoodleSimulator;
import io.github.mcsync.feed.PollRun;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, item 10: a student unenrolled and enrolled again later is registered again, with a new SourceReference
 * ({@code moodle:c<course>:u<user>:g2}; the first enrolment keeps {@code moodle:c<course>:u<user>}); a suspension and
 * reactivation, an expiry and extension, or a new course date for the course while the student stays enrolled are
 * not registered twice. The limit: an unenrolment and re-enrolment between two polls cannot be seen over REST.
 * PHYS101 (course 2): active students 3, 4, 5.
 */
class ReenrolmentTest extends FlowTestSupport {

    @Test
    void aReenrolmentIsANewRegistrationAndASuspensionIsNot() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").start();
        assertEquals("poll 1: 3 new, 3 sent, 0 dead-lettered", sync.poll().summary());

        // unenrolled (the course is reset for the next intake), then enrolled again a poll later
        sync.moodle.unenrol(2, 3);
        assertEquals("poll 2: 0 new, 0 sent, 0 dead-lettered", sync.poll().summary());
        sync.moodle.enrol(2, 3, "student");
        PollRun again = sync.poll();
        assertEquals("poll 3: 1 new, 1 sent, 0 dead-lettered", again.summary());
        assertEquals(1, sync.courseSales.documentCount("moodle:c2:u3"), "the first registration stays as it was");
        assertEquals(1, sync.courseSales.documentCount("moodle:c2:u3:g2"), "the re-enrolment is a registration of its own");
        assertTrue(sync.doneKeys().contains("moodle:c2:u3") && sync.doneKeys().contains("moodle:c2:u3:g2"));

        // suspended, then reactivated: the same enrolment
        sync.moodle.setEnrolmentSuspended(2, 4, true);
        assertEquals(0, sync.poll().freshCount());
        sync.moodle.setEnrolmentSuspended(2, 4, false);
        assertEquals(0, sync.poll().freshCount());
        // expired, then extended: the same enrolment
        long now = MoodleSimulator.REFERENCE_NOW;
        sync.moodle.setEnrolmentTimes(2, 5, now - 60 * 86400, now - 60);
        assertEquals(0, sync.poll().freshCount());
        sync.moodle.setEnrolmentTimes(2, 5, now - 60 * 86400, now + 90 * 86400);
        assertEquals(0, sync.poll().freshCount());
        // the course's CourseSales course date changes (the next intake) while they stay enrolled
        sync.courseSales.setCourseDateStatus(CourseSalesDemoData.COURSE_DATE_PHYS101, "Completed");
        sync.courseSales.addCourseDate(9101, 9101, "Introduction to Physics — Semester 2 2027", "PHYS101-2026",
                LocalDate.of(2027, 7, 19), LocalDate.of(2027, 11, 12), "Scheduled", true,
                CourseSalesDemoData.CATEGORY_PHYSICS, 2);
        assertEquals(0, sync.poll().freshCount());
        assertEquals(1, sync.courseSales.documentCount("moodle:c2:u4"));
        assertEquals(1, sync.courseSales.documentCount("moodle:c2:u5"));
        assertEquals(4, sync.courseSales.documents().size());

        // survives a restart: the state database knows who left
        sync.moodle.unenrol(2, 4);
        sync.poll();
        sync.restart();
        sync.moodle.enrol(2, 4, "student");
        sync.poll();
        assertEquals(1, sync.courseSales.documentCount("moodle:c2:u4:g2"));

        // the limit: unenrolled and enrolled again between two polls looks like nothing happened
        sync.moodle.unenrol(2, 5);
        sync.moodle.enrol(2, 5, "student");
        assertEquals(0, sync.poll().freshCount());
        assertEquals(0, sync.courseSales.documentCount("moodle:c2:u5:g2"));
        assertEquals(5, sync.courseSales.documents().size());
    }
}
