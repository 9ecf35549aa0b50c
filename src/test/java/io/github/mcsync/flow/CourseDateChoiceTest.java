package io.github.mcsync.flow;

import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.CATEGORY_PHYSICS;
import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.COURSE_DATE_PHYS101;
import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.MASTER_PHYS101;
import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.MOODLE_COURSE_PHYS101;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mcsync.LogCapture;
import io.github.mcsync.SyncHarness;
import io.github.mcsync.feed.PollRun;
import io.github.mcsync.ops.PreflightReport;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 8 item 16: several Scheduled course dates carry the same Moodle course id (one per intake). The one starting
 * nearest on or after the enrolment is chosen (the REST source knows no enrolment date: today, in the licence's time
 * zone), said in the log and the delivery record; a case the rule cannot settle is dead-lettered AMBIGUOUS_COURSE_DATE.
 */
class CourseDateChoiceTest extends FlowTestSupport {
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Australia/Sydney"));
    static final int LAST_INTAKE = 9011;
    static final int NEXT_INTAKE = 9012;
    static final int LATER_INTAKE = 9013;

    private void intake(int courseDateId, LocalDate start) {
        sync.courseSales.addCourseDate(courseDateId, MASTER_PHYS101, "Introduction to Physics — intake " + start,
                null, start, start.plusWeeks(16), "Scheduled", true, CATEGORY_PHYSICS, MOODLE_COURSE_PHYS101);
    }

    private SyncHarness phys101WithIntakes(LocalDate last, LocalDate next, LocalDate later) throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2");
        sync.courseSales.setCourseDateMoodleId(COURSE_DATE_PHYS101, null); // the demo's own PHYS101 date steps aside
        intake(LATER_INTAKE, later);
        intake(LAST_INTAKE, last);
        intake(NEXT_INTAKE, next);
        return sync.start();
    }

    @Test
    void theIntakeStartingNextIsChosenAndSaidInTheLogAndTheDeliveryRecord() throws Exception {
        try (LogCapture log = new LogCapture()) {
            phys101WithIntakes(TODAY.minusDays(20), TODAY.plusDays(40), TODAY.plusDays(200));

            PollRun run = sync.poll();

            assertEquals("poll 1: 3 new, 3 sent, 0 dead-lettered", run.summary());
            sync.courseSales.documents().forEach(d -> assertEquals(NEXT_INTAKE, d.courseDateId(), d.sourceReference()));
            String choice = "Moodle Id 2: 9012, of 9011 (starts " + TODAY.minusDays(20) + "), 9012 (starts "
                    + TODAY.plusDays(40) + "), 9013 (starts " + TODAY.plusDays(200) + ") the first to start on or after today ("
                    + TODAY + ")";
            List<Map<String, Object>> deliveries = sync.state().queryForList(
                    "SELECT source_reference, course_date_id, course_date_choice FROM delivery ORDER BY source_reference");
            assertEquals(3, deliveries.size());
            for (Map<String, Object> d : deliveries) {
                assertEquals(NEXT_INTAKE, d.get("COURSE_DATE_ID"));
                assertEquals(choice, d.get("COURSE_DATE_CHOICE"));
            }
            assertTrue(log.lines().contains("INFO io.github.mcsync.validation moodle:c2:u5: course date " + choice),
                    log.all());
        }
    }

    @Test
    void twoIntakesStartingOnTheSameNearestDayAreDeadLetteredNamingTheCandidates() throws Exception {
        phys101WithIntakes(TODAY.plusDays(40), TODAY.plusDays(40), TODAY.plusDays(200));

        PollRun run = sync.poll();

        assertEquals("poll 1: 3 new, 0 sent, 3 dead-lettered", run.summary());
        assertEquals(0, sync.courseSales.callCount("SubmitRegistration"));
        for (Map<String, Object> row : sync.deadLetters()) {
            assertEquals("AMBIGUOUS_COURSE_DATE", row.get("REASON_CODE"));
            String text = (String) row.get("REASON_TEXT");
            assertTrue(text.startsWith("3 Scheduled course dates carry Moodle Id 2 and 9011 (starts " + TODAY.plusDays(40)
                    + "), 9012 (starts " + TODAY.plusDays(40) + ") all start on " + TODAY.plusDays(40)), text);
        }
        assertEquals(1, sync.courseSales.callCount("GetCourseDates"),
                "fetched for this poll already: not fetched again before rejecting, nor per record");
    }

    @Test
    void intakesThatAllStartedAlreadyCannotBeSettled() throws Exception {
        phys101WithIntakes(TODAY.minusDays(200), TODAY.minusDays(100), TODAY.minusDays(1));
        PollRun run = sync.poll();
        assertEquals("poll 1: 3 new, 0 sent, 3 dead-lettered", run.summary());
        assertTrue(((String) sync.deadLetters().get(0).get("REASON_TEXT")).contains("none starts on or after today"));
    }

    @Test
    void preflightSaysWhichIntakeACourseWithSeveralLinksTo() throws Exception {
        phys101WithIntakes(TODAY.minusDays(20), TODAY.plusDays(40), TODAY.plusDays(200));
        PreflightReport report = sync.app().preflight();
        String line = report.lines().stream().filter(l -> l.contains("Course 2 PHYS101")).findFirst().orElseThrow();
        assertTrue(line.startsWith("PASS") && line.contains("course date 9012") && line.contains("the first to start on or"
                + " after today"), line);
    }

    @Test
    void preflightFailsACourseWhoseIntakesTheRuleCannotChooseBetween() throws Exception {
        phys101WithIntakes(TODAY.plusDays(40), TODAY.plusDays(40), TODAY.plusDays(200));
        PreflightReport report = sync.app().preflight();
        String line = report.lines().stream().filter(l -> l.contains("Course 2 PHYS101")).findFirst().orElseThrow();
        assertTrue(line.startsWith("FAIL") && line.contains("AMBIGUOUS_COURSE_DATE"), line);
    }
}
