package io.github.mcsync.flow;

import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.FIELD_CLIENT_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mcsync.SyncHarness;
import io.github.mcsync.demo.coursesales.StoredDocument;
import io.github.mcsync.demo.moodle.SimulatedUser;
import io.github.mcsync.feed.PollRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: bounded concurrent sends. A course's new enrolments go out on coursesales.concurrency send lanes: never
 * more SubmitRegistration calls at CourseSales at once, exactly one document per key, the poll's summary as before;
 * 1 is strictly one at a time in Moodle's order; a RATE_LIMITED answer pauses every lane, not just the one refused.
 */
class ConcurrentSendsTest extends FlowTestSupport {

    @Test
    void fourLanesPutFourSubmissionsInFlightAndNeverMoreWithOneDocumentPerKey() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").with("coursesales.concurrency", "4").start();
        List<String> keys = enrol(120, "lanes");
        sync.courseSales.setCallDelay(Duration.ofMillis(60)); // each call takes a while: the lanes overlap
        sync.courseSales.resetConcurrency();

        PollRun run = sync.poll();

        assertEquals("OK", run.outcome(), run.summary());
        assertEquals(3 + keys.size(), run.sentCount(), run.summary());
        assertEquals(4, sync.courseSales.maxConcurrentSubmissions(), "SubmitRegistration calls at CourseSales at once");
        assertOneDocumentPerKey(keys);
        assertEquals(0, sync.state().queryForObject("SELECT COUNT(*) FROM in_flight", Integer.class));
    }

    @Test
    void oneLaneSendsStrictlyOneAtATimeInMoodlesOrder() throws Exception {
        List<String> keys = oneLaneWithNewEnrolments(40, "one", Duration.ofMillis(30));

        PollRun run = sync.poll();

        assertSentOneAtATimeInMoodlesOrder(keys, run);
    }

    /**
     * The next page (500 enrolments) is read while the lanes still send the page before it: across two page
     * boundaries the records still go one at a time, in Moodle's order, each key once, and the identifiers the
     * pages claimed are those of the records sent.
     */
    @Test
    void oneLaneKeepsMoodlesOrderAcrossPageBoundaries() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").with("coursesales.concurrency", "1")
                .with("identity.strategy", "username").start();
        sync.poll(); // the 3 PHYS101 students
        List<String> keys = enrol(1_010, "paged");
        sync.courseSales.resetConcurrency();
        sync.courseSales.clearDocuments();

        PollRun run = sync.poll();

        assertEquals("OK", run.outcome(), run.summary());
        assertSentOneAtATimeInMoodlesOrder(keys, run);
        List<String> identifiers = sync.courseSales.documents().stream()
                .map(d -> d.fieldValues().get(FIELD_CLIENT_ID)).toList();
        List<String> usernames = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            usernames.add("paged." + i);
        }
        assertEquals(usernames, identifiers, "every page's users claimed their usernames");
        assertEquals(0, sync.state().queryForObject("SELECT COUNT(*) FROM in_flight", Integer.class));
    }

    /**
     * One call at a time does not mean one record at a time: while a record is at CourseSales the next one is
     * validated and marked in flight (two lanes), and it goes only once the one before it was answered.
     */
    @Test
    void oneLanePreparesTheNextRecordWhileTheOneBeforeItIsAtCourseSales() throws Exception {
        List<String> keys = oneLaneWithNewEnrolments(8, "ahead", Duration.ofMillis(150));

        java.util.concurrent.CompletableFuture<PollRun> poll = java.util.concurrent.CompletableFuture.supplyAsync(sync::poll);
        int mostInFlight = 0;
        while (!poll.isDone()) {
            mostInFlight = Math.max(mostInFlight, sync.state().queryForObject("SELECT COUNT(*) FROM in_flight", Integer.class));
            Thread.sleep(5);
        }
        PollRun run = poll.get();

        assertSentOneAtATimeInMoodlesOrder(keys, run);
        assertTrue(mostInFlight >= 2, "the next record was marked while the one before it was at CourseSales: at most "
                + mostInFlight + " in flight at once");
        assertEquals(0, sync.state().queryForObject("SELECT COUNT(*) FROM in_flight", Integer.class));
    }

    @Test
    void rateLimitedPausesEveryLaneNotOnlyTheOneRefused() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").with("coursesales.concurrency", "4")
                .with("coursesales.retry.initial-delay-ms", "1500").start();
        sync.poll(); // the 3 PHYS101 students: the login is verified, the lanes run freely from here on
        List<String> keys = enrol(60, "rate");
        sync.courseSales.setCallDelay(Duration.ofMillis(20));
        sync.courseSales.faultNextSubmissions(1, "RATE_LIMITED");
        sync.courseSales.resetConcurrency();

        PollRun run = sync.poll();

        assertEquals("OK", run.outcome(), run.summary());
        assertEquals(keys.size(), run.sentCount(), run.summary());
        List<Long> arrivals = new ArrayList<>(sync.courseSales.submissionArrivals());
        long longestGap = 0;
        for (int i = 1; i < arrivals.size(); i++) {
            longestGap = Math.max(longestGap, arrivals.get(i) - arrivals.get(i - 1));
        }
        // without the shared pause the other three lanes go on sending every ~20 ms while the refused one waits
        assertTrue(TimeUnit.NANOSECONDS.toMillis(longestGap) >= 1300,
                "no SubmitRegistration reached CourseSales for the pause: longest gap " + longestGap / 1_000_000 + " ms");
        assertOneDocumentPerKey(keys);
        assertEquals(List.of(), sync.deadLetters());
    }

    /**
     * The documented limit of lanes: a password changed in CourseSales while four calls are on the wire costs each of
     * them a failed login (at most coursesales.concurrency), the first refusal halts CourseSales, and nothing is sent
     * or dead-lettered after it: the rest waits at its source.
     */
    @Test
    void aPasswordChangedInCourseSalesWhileFourLanesSendCostsAtMostFourFailedLoginsThenNothing() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").with("coursesales.concurrency", "4").start();
        sync.poll(); // login verified
        List<String> keys = enrol(200, "rotated");
        sync.courseSales.setCallDelay(Duration.ofMillis(40));
        java.util.concurrent.CompletableFuture<PollRun> poll = java.util.concurrent.CompletableFuture.supplyAsync(sync::poll);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> sync.courseSales.documents().size() >= 3 + 40 || poll.isDone());
        sync.courseSales.setCredentials(io.github.mcsync.demo.coursesales.CourseSalesDemoData.USERNAME, "rotated-in-coursesales");
        PollRun run = poll.get(60, TimeUnit.SECONDS);

        int failed = sync.courseSales.failedLoginAttempts();
        assertTrue(failed >= 1 && failed <= 4, failed + " failed logins: at most one per lane on the wire");
        assertEquals("HALTED", run.outcome(), run.summary());
        int stored = sync.courseSales.documents().size();
        assertTrue(stored < 3 + keys.size(), "the rest waits at its source: " + stored);
        assertEquals(List.of(), sync.deadLetters());
        sync.poll(); // halted: costs no login
        assertEquals(failed, sync.courseSales.failedLoginAttempts());
        assertEquals(stored, sync.courseSales.documents().size());
    }

    /** Concurrency 1, the login verified, n new enrolments, each CourseSales call taking callDelay. */
    private List<String> oneLaneWithNewEnrolments(int n, String prefix, Duration callDelay) throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").with("coursesales.concurrency", "1").start();
        sync.poll(); // the 3 PHYS101 students
        List<String> keys = enrol(n, prefix);
        sync.courseSales.setCallDelay(callDelay);
        sync.courseSales.resetConcurrency();
        sync.courseSales.clearDocuments();
        return keys;
    }

    private void assertSentOneAtATimeInMoodlesOrder(List<String> keys, PollRun run) {
        assertEquals(keys.size(), run.sentCount(), run.summary());
        assertEquals(1, sync.courseSales.maxConcurrentSubmissions());
        assertEquals(keys, sync.courseSales.documents().stream().map(StoredDocument::sourceReference).toList(),
                "sent in the order Moodle listed them");
    }

    private List<String> enrol(int n, String prefix) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long id = sync.moodle.addUser(SimulatedUser.builder(prefix + "." + i).firstname("Student")
                    .lastname(prefix + i).email(prefix + "." + i + "@example.com").build());
            sync.moodle.enrol(2, id, "student");
            keys.add("moodle:c2:u" + id);
        }
        return keys;
    }

    private void assertOneDocumentPerKey(List<String> keys) {
        Map<String, Long> perKey = sync.courseSales.documents().stream()
                .collect(Collectors.groupingBy(StoredDocument::sourceReference, Collectors.counting()));
        keys.forEach(k -> assertEquals(1L, perKey.get(k), k + " documents"));
        assertTrue(perKey.values().stream().allMatch(n -> n == 1), "no key sent twice: " + perKey);
    }
}
