package io.github.mcsync.increment;

import static io.github.mcsync.increment.EnrolmentRules.Verdict.ACTIVE;
import static io.github.mcsync.increment.EnrolmentRules.Verdict.NEVER;
import static io.github.mcsync.increment.EnrolmentRules.Verdict.WAITING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.mcsync.increment.EnrolmentRules.Row;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which user_enrolments rows are registered, wait, or never will be: every rule on its own. */
class EnrolmentRulesTest {
    static final long NOW = 1_800_000_000L;
    final EnrolmentRules everyVisibleCourse = new EnrolmentRules(Set.of("student"), Set.of());

    static Row row(int status, long start, long end, Integer instance, boolean visible, Boolean deleted,
                   boolean suspended, List<String> roles) {
        return new Row(1, status, start, end, instance, 2L, visible, false, deleted, suspended, roles);
    }

    static Row active() {
        return row(0, 0, 0, 0, true, false, false, List.of("student"));
    }

    @Test
    void anActiveStudentEnrolmentIsActive() {
        assertEquals(ACTIVE, everyVisibleCourse.verdict(active(), NOW));
        assertEquals(ACTIVE, everyVisibleCourse.verdict(row(0, NOW, NOW + 1, 0, true, false, false,
                List.of("editingteacher", "student")), NOW), "started this second, ends later, a student among roles");
    }

    @Test
    void whatMayStillBecomeActiveWaits() {
        assertEquals(WAITING, everyVisibleCourse.verdict(row(1, 0, 0, 0, true, false, false, List.of("student")), NOW));
        assertEquals(WAITING, everyVisibleCourse.verdict(row(0, NOW + 1, 0, 0, true, false, false, List.of("student")), NOW));
        assertEquals(WAITING, everyVisibleCourse.verdict(row(0, 0, 0, 1, true, false, false, List.of("student")), NOW));
        assertEquals(WAITING, everyVisibleCourse.verdict(row(0, 0, 0, 0, true, false, true, List.of("student")), NOW));
        assertEquals(WAITING, everyVisibleCourse.verdict(row(0, 0, 0, 0, true, false, false, List.of()), NOW),
                "the role may be assigned just after the enrolment row");
        assertEquals("NOT_STARTED", EnrolmentRules.waitingReason(row(0, NOW + 1, 0, 0, true, false, false,
                List.of("student")), NOW));
        assertEquals("ENROLMENT_SUSPENDED", EnrolmentRules.waitingReason(row(1, 0, 0, 0, true, false, false,
                List.of("student")), NOW));
    }

    @Test
    void whatNeverWillBeActiveIsNever() {
        assertEquals(NEVER, everyVisibleCourse.verdict(row(0, 0, NOW, 0, true, false, false, List.of("student")), NOW),
                "ended");
        assertEquals(NEVER, everyVisibleCourse.verdict(row(0, 0, 0, 0, true, true, false, List.of("student")), NOW),
                "user deleted");
        assertEquals(NEVER, everyVisibleCourse.verdict(row(0, 0, 0, 0, true, null, false, List.of("student")), NOW),
                "user row gone");
        assertEquals(NEVER, everyVisibleCourse.verdict(row(0, 0, 0, null, true, false, false, List.of("student")), NOW),
                "instance gone");
        assertEquals(NEVER, everyVisibleCourse.verdict(row(0, 0, 0, 0, true, false, false, List.of("editingteacher")),
                NOW), "a teacher");
        assertEquals(NEVER, everyVisibleCourse.verdict(row(0, 0, 0, 0, false, false, false, List.of("student")), NOW),
                "a hidden course is not watched");
        assertEquals(NEVER, everyVisibleCourse.verdict(new Row(1, 0, 0, 0, 0, 1L, true, true, false, false,
                List.of("student")), NOW), "the site course");
    }

    @Test
    void moodleCoursesWatchesExactlyThoseCoursesVisibleOrNot() {
        EnrolmentRules onlyTwo = new EnrolmentRules(Set.of("student"), Set.of(2L));
        assertEquals(ACTIVE, onlyTwo.verdict(row(0, 0, 0, 0, false, false, false, List.of("student")), NOW));
        assertEquals(NEVER, onlyTwo.verdict(new Row(1, 0, 0, 0, 0, 3L, true, false, false, false, List.of("student")), NOW));
    }
}
