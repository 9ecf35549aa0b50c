package io.github.mcsync.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.mcsync.SyncHarness;
import io.github.mcsync.demo.coursesales.StoredDocument;
import io.github.mcsync.demo.moodle.MoodleFailure;
import io.github.mcsync.demo.moodle.MoodleSimulator;
import io.github.mcsync.feed.PollRun;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, item 13: a poll processes one course at a time (all its pages read, then its enrolments sent, then the
 * next course), and a course is all or nothing. The fixture site lists its watched courses in the order FR-101 (4),
 * PHYS101 (2), PHYS301 (3).
 */
class CourseByCourseTest extends FlowTestSupport {

    @Test
    void eachCourseIsSentBeforeTheNextCourseIsRead() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.page-size", "2").start();
        Map<String, List<String>> sentWhenFirstRead = new ConcurrentHashMap<>();
        sync.moodle.beforeAnswering(r -> {
            if ("core_enrol_get_enrolled_users".equals(r.wsfunction())) {
                sentWhenFirstRead.putIfAbsent(r.parameters().value("courseid"), references());
            }
        });

        PollRun run = sync.poll();

        assertEquals("poll 1: 8 new, 8 sent, 0 dead-lettered", run.summary());
        assertEquals(List.of(), sentWhenFirstRead.get("4"), "nothing sent before the first course is read");
        assertEquals(List.of("moodle:c4:u10", "moodle:c4:u3", "moodle:c4:u6"), sentWhenFirstRead.get("2"),
                "FR-101 is sent before PHYS101 is read");
        assertEquals(List.of("moodle:c2:u3", "moodle:c2:u4", "moodle:c2:u5", "moodle:c4:u10", "moodle:c4:u3",
                "moodle:c4:u6"), sentWhenFirstRead.get("3"), "PHYS101 is sent before PHYS301 is read");
    }

    @Test
    void aCourseWhoseSecondPageFailsSendsNothingOfItAndIsReadAgainByTheNextPoll() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.page-size", "2").start();
        // PHYS101's second page (users from the third on) fails once its first page was read
        sync.moodle.failWhen(MoodleSimulator.enrolledUsersOf(2).and(r -> "2".equals(r.option("limitfrom"))),
                MoodleFailure.HTTP_500);

        PollRun failed = sync.poll();

        assertFalse(failed.ok(), failed.summary());
        assertEquals(0, references().stream().filter(ref -> ref.startsWith("moodle:c2:")).count(),
                "nothing of PHYS101 is sent, not even its first page: " + references());
        assertEquals(List.of("moodle:c4:u10", "moodle:c4:u3", "moodle:c4:u6"),
                references().stream().filter(ref -> ref.startsWith("moodle:c4:")).toList(),
                "the course read before it is sent");
        assertFalse(sync.doneKeys().stream().anyMatch(k -> k.startsWith("moodle:c2:")), "nothing of PHYS101 marked");

        sync.moodle.clearFailures();
        sync.poll();
        for (String ref : List.of("moodle:c2:u3", "moodle:c2:u4", "moodle:c2:u5", "moodle:c3:u3", "moodle:c3:u7",
                "moodle:c4:u3", "moodle:c4:u6", "moodle:c4:u10")) {
            assertEquals(1, sync.courseSales.documentCount(ref), ref);
        }
        assertEquals(8, sync.courseSales.documents().size());
    }

    private List<String> references() {
        return sync.courseSales.documents().stream().map(StoredDocument::sourceReference).sorted().toList();
    }
}
