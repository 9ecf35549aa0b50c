package io.github.mcsync.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mcsync.SyncHarness;
import io.github.mcsync.demo.moodle.MoodleFailure;
import io.github.mcsync.demo.moodle.MoodleSimulator;
import io.github.mcsync.demo.moodle.SimulatedUser;
import io.github.mcsync.feed.PollRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: nothing holds all records in memory. A course is read whole before any of it is sent (all or nothing),
 * so its enrolments wait in a spool file (java.io.tmpdir, one JSON line a student) while they are sent, and the file
 * is gone when the course is done, sent or skipped.
 */
class CourseSpoolTest extends FlowTestSupport {

    private static Set<Path> spoolFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("mcsync-course-")).collect(Collectors.toSet());
        }
    }

    private void enrolStudents(int n) {
        for (int i = 0; i < n; i++) {
            long id = sync.moodle.addUser(SimulatedUser.builder("spool." + i).firstname("Spool").lastname("S" + i)
                    .email("spool." + i + "@example.com").build());
            sync.moodle.enrol(2, id, "student");
        }
    }

    @Test
    void aCoursesEnrolmentsWaitInASpoolFileWhileTheyAreSentAndTheFileGoesWithTheCourse() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").with("moodle.page-size", "10").start();
        enrolStudents(40); // PHYS101: 3 students and a teacher already
        sync.courseSales.setCallDelay(Duration.ofMillis(30));
        Set<Path> before = spoolFiles();

        CompletableFuture<PollRun> poll = CompletableFuture.supplyAsync(sync::poll);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> sync.courseSales.documents().size() >= 5);
        Set<Path> during = new HashSet<>(spoolFiles());
        during.removeAll(before);
        List<String> lines = during.size() == 1 ? Files.readAllLines(during.iterator().next()) : List.of();
        PollRun run = poll.get(60, TimeUnit.SECONDS);

        assertEquals(1, during.size(), "one spool file while PHYS101 is sent: " + during);
        assertEquals(43, lines.size(), "a line per student, the teacher is not kept");
        assertEquals("poll 1: 43 new, 43 sent, 0 dead-lettered", run.summary());
        Set<Path> after = spoolFiles();
        after.removeAll(before);
        assertEquals(Set.of(), after, "deleted once the course is done");
    }

    @Test
    void aCourseWhoseLaterPageFailsLeavesNoSpoolFileBehind() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").with("moodle.page-size", "10").start();
        enrolStudents(25);
        sync.moodle.failWhen(MoodleSimulator.enrolledUsersOf(2).and(r -> "20".equals(r.option("limitfrom"))),
                MoodleFailure.ACCESS_EXCEPTION);
        Set<Path> before = spoolFiles();

        PollRun run = sync.poll();

        assertEquals(0, sync.courseSales.callCount("SubmitRegistration"), run.summary());
        assertTrue(run.summary().startsWith("poll 1: failed, nothing sent: MOODLE_ACCESSEXCEPTION"), run.summary());
        Set<Path> after = spoolFiles();
        after.removeAll(before);
        assertEquals(Set.of(), after, "the skipped course's spool is deleted too");
    }
}
