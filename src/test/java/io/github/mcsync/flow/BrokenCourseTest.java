package io.github.mcsync.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mcsync.LogCapture;
import io.github.mcsync.SyncHarness;
import io.github.mcsync.demo.coursesales.StoredDocument;
import io.github.mcsync.demo.moodle.MoodleFailure;
import io.github.mcsync.demo.moodle.MoodleSimulator;
import io.github.mcsync.demo.moodle.SimulatedUser;
import io.github.mcsync.feed.FeedControl;
import io.github.mcsync.feed.PollRun;
import io.github.mcsync.ops.OpsClient;
import java.util.List;
import java.util.Map;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, item 12: a course whose enrolments cannot be read (nopermissions) is skipped and reported (poll summary,
 * status, one log line, health DEGRADED then DOWN after feed.health.unreadable-course-polls polls in a row), the other
 * courses go on; health goes DOWN after feed.health.failed-polls failed polls in a row. Watched courses in listing
 * order: FR-101 (4), PHYS101 (2), PHYS301 (3).
 */
class BrokenCourseTest extends FlowTestSupport {

    @Test
    void aCourseThatCannotBeReadIsSkippedAndReportedWhileTheOthersGoOn() throws Exception {
        try (LogCapture log = new LogCapture()) {
            sync = new SyncHarness(stateDir).with("feed.health.unreadable-course-polls", "2").start();
            OpsClient ops = OpsClient.of(sync);
            sync.moodle.failWhen(MoodleSimulator.enrolledUsersOf(2), MoodleFailure.NO_PERMISSIONS);

            PollRun first = sync.poll();

            assertEquals(List.of("moodle:c3:u3", "moodle:c3:u7", "moodle:c4:u10", "moodle:c4:u3", "moodle:c4:u6"),
                    references(), "the courses before and after the broken one are sent");
            assertFalse(first.ok(), "a skipped course is not a clean poll (--once exits 1)");
            assertNull(first.failure(), first.summary());
            assertEquals("COURSES_SKIPPED", first.outcome());
            assertTrue(first.summary().contains("course 2 (PHYS101) skipped: MOODLE_NOPERMISSIONS"), first.summary());
            assertTrue(feed().isRunning(), "not a halt: the feed goes on");
            assertEquals("DEGRADED", health().getDetails().get("state"));
            assertEquals(HealthCheck.State.UP, health().getState());
            JsonNode course = ops.get("/api/status").json().get("unreadableCourses").get(0);
            assertEquals(2, course.get("courseId").asLong());
            assertEquals(1, course.get("polls").asInt());
            assertTrue(course.get("reason").asText().contains("nopermissions"), course.toString());
            JsonNode history = ops.get("/api/polls?limit=1").json();
            assertTrue(history.toString().contains("MOODLE_NOPERMISSIONS"), history.toString());

            long late = sync.moodle.addUser(SimulatedUser.builder("late.one").firstname("Late").lastname("One")
                    .email("late.one@example.com").build());
            sync.moodle.enrol(4, late, "student");
            PollRun second = sync.poll();

            assertEquals(1, second.sentCount(), second.summary());
            assertEquals(1, sync.courseSales.documentCount("moodle:c4:u" + late));
            assertEquals(HealthCheck.State.DOWN, health().getState(), "skipped in 2 polls in a row");
            assertTrue(health().getMessage().orElse("").contains("course 2 (PHYS101) skipped in 2 poll(s) in a row"),
                    health().getMessage().toString());
            assertEquals(2, ops.get("/api/status").json().get("unreadableCourses").get(0).get("polls").asInt());
            assertEquals(1, log.lines().stream().filter(l -> l.contains("Course 2 (PHYS101) skipped")).count(),
                    "logged once, not every poll");

            sync.moodle.clearFailures();
            PollRun fixed = sync.poll();

            assertTrue(fixed.ok(), fixed.summary());
            assertEquals(3, fixed.sentCount(), fixed.summary());
            assertEquals(HealthCheck.State.UP, health().getState());
            assertEquals("UP", health().getDetails().get("state"));
            assertEquals(0, ops.get("/api/status").json().get("unreadableCourses").size());
            assertTrue(log.all().contains("Course 2 (PHYS101) can be read again"));
            assertEquals(9, sync.courseSales.documents().size());
            assertFalse(log.all().contains(MoodleSimulator.DEMO_TOKEN));
        }
    }

    @Test
    void failedPollsInARowTakeHealthDownAndARefusedTokenStillStopsThePoll() throws Exception {
        sync = new SyncHarness(stateDir).with("feed.health.failed-polls", "2").start();
        sync.moodle.failWhen(r -> "core_course_get_courses".equals(r.wsfunction()), MoodleFailure.HTTP_500);

        assertTrue(sync.poll().failure() != null);
        assertEquals(HealthCheck.State.UP, health().getState());
        assertEquals("DEGRADED", health().getDetails().get("state"));
        assertTrue(sync.poll().failure() != null);
        assertEquals(HealthCheck.State.DOWN, health().getState());
        assertTrue(health().getMessage().orElse("").contains("2 failed poll(s) in a row"), health().getMessage().toString());

        sync.moodle.clearFailures();
        assertTrue(sync.poll().ok());
        assertEquals(HealthCheck.State.UP, health().getState());
        assertEquals(8, sync.courseSales.documents().size());

        // a systemic refusal on one course's read is not that course's problem: it halts and ends the poll there
        long late = sync.moodle.addUser(SimulatedUser.builder("late.two").firstname("Late").lastname("Two")
                .email("late.two@example.com").build());
        sync.moodle.enrol(3, late, "student");
        sync.moodle.failWhen(MoodleSimulator.enrolledUsersOf(2), MoodleFailure.ACCESS_EXCEPTION);
        sync.moodle.clearRequests();
        PollRun refused = sync.poll();
        assertTrue(refused.failure() != null && refused.failure().contains("MOODLE_ACCESSEXCEPTION"), refused.summary());
        assertTrue(feed().halt(io.github.mcsync.feed.ExternalSystem.MOODLE).isPresent());
        assertEquals(0, sync.moodle.requests().stream()
                .filter(r -> MoodleSimulator.enrolledUsersOf(3).test(r)).count(), "PHYS301 is not read after the halt");
        assertEquals(0, sync.courseSales.documentCount("moodle:c3:u" + late));
    }

    private FeedControl feed() {
        return sync.app().context().getRegistry().lookupByNameAndType("feedControl", FeedControl.class);
    }

    private HealthCheck.Result health() {
        return HealthCheckHelper.invoke(sync.app().context(), "feed", Map.of()).orElseThrow();
    }

    private List<String> references() {
        return sync.courseSales.documents().stream().map(StoredDocument::sourceReference).sorted().toList();
    }
}
