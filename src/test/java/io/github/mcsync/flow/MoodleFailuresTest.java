package io.github.mcsync.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mcsync.LogCapture;
import io.github.mcsync.SyncHarness;
import io.github.mcsync.demo.moodle.MoodleFailure;
import io.github.mcsync.demo.moodle.MoodleSimulator;
import io.github.mcsync.feed.FeedControl;
import io.github.mcsync.feed.PollRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 2: Moodle errors in every form the fixtures show (HTTP 200 with a JSON exception or an XML EXCEPTION,
 * a body that is not JSON, an HTTP error, a time-out) fail the poll: nothing sent, nothing marked, one clear
 * line without the token. A failure on a later page fails that course (here the only one, so the poll).
 */
class MoodleFailuresTest {
    @TempDir
    Path stateDir;

    @Test
    void everyFormOfMoodleErrorFailsThePollAndLosesNothing() throws Exception {
        try (LogCapture log = new LogCapture();
             SyncHarness sync = new SyncHarness(stateDir).with("moodle.courses", "2")
                     .with("moodle.response-timeout-ms", "1000").start()) {
            sync.moodle.setSlowDelay(Duration.ofSeconds(3));
            FeedControl feed = sync.app().context().getRegistry().lookupByNameAndType("feedControl", FeedControl.class);
            for (MoodleFailure kind : List.of(MoodleFailure.NON_JSON_BODY, MoodleFailure.HTTP_500, MoodleFailure.SLOW,
                    MoodleFailure.XML_EXCEPTION, MoodleFailure.ACCESS_EXCEPTION, MoodleFailure.INVALID_TOKEN)) {
                sync.moodle.failNext(1, kind);
                PollRun run = sync.poll();
                assertTrue(run.failure() != null, kind + ": " + run.summary());
                assertFalse(run.ok());
                assertEquals(0, sync.courseSales.documents().size(), kind.toString());
                assertEquals(List.of(), sync.doneKeys(), kind.toString());
                assertEquals(List.of(), sync.deadLetters(), kind.toString());
                feed.resume(); // systemic ones (token, access) halt the feed
            }
            assertFalse(log.all().contains(MoodleSimulator.DEMO_TOKEN), "the token is never logged");
            assertEquals(6, log.lines().stream().filter(l -> l.contains("failed, nothing sent")).count(),
                    "one line per failed poll");

            // the course list and the first page answer, the second page fails: the poll is all or nothing
            sync.with("moodle.page-size", "2").restart();
            sync.moodle.failAfter(2, MoodleFailure.HTTP_500);
            PollRun partial = sync.poll();
            assertTrue(partial.failure() != null, partial.summary());
            assertEquals(0, sync.courseSales.documents().size());
            assertEquals(List.of(), sync.doneKeys());
            assertEquals("poll 2: 3 new, 3 sent, 0 dead-lettered", sync.poll().summary());
        }
    }
}
