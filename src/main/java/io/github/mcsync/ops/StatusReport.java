package io.github.mcsync.ops;

import io.github.mcsync.Secrets;
import io.github.mcsync.cluster.PollerRole;
import io.github.mcsync.deadletter.DeadLetter;
import io.github.mcsync.deadletter.DeadLetterStore;
import io.github.mcsync.feed.ExternalSystem;
import io.github.mcsync.feed.FeedControl;
import io.github.mcsync.feed.FeedTotals;
import io.github.mcsync.feed.PollHealth;
import io.github.mcsync.feed.PollRun;
import io.github.mcsync.observe.FeedStalledCheck;
import io.github.mcsync.state.InFlight;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Header;

/** GET /api/status: whether the feed runs (or why not), the last poll, totals since start, dead letters. */
public final class StatusReport {
    private final FeedControl feed;
    private final InFlight inFlight;
    private final DeadLetterStore deadLetters;
    private final FeedStalledCheck stalled;
    private final PollerRole poller;
    private final PollHealth polls;

    public StatusReport(FeedControl feed, InFlight inFlight, DeadLetterStore deadLetters, FeedStalledCheck stalled,
                        PollerRole poller, PollHealth polls) {
        this.feed = feed;
        this.inFlight = inFlight;
        this.deadLetters = deadLetters;
        this.stalled = stalled;
        this.poller = poller;
        this.polls = polls;
    }

    /**
     * @param state        RUNNING, HALTED (a systemic failure: until resumed) or PAUSED (a CourseSales configuration
     *                     problem: until a poll finds it fixed)
     * @param haltedReason why the feed does not run (null while running)
     * @param lastPoll     null before the first poll
     * @param since        start of the totals (application start)
     * @param sent         records delivered since start (polls and replays)
     * @param deadLettered records dead-lettered since start (a record failing again on replay counts again)
     * @param inFlight     submissions whose outcome is not known yet
     * @param deadLetters  dead letters in the store by status
     * @param halts        one entry per halted system (CourseSales first), each with its own reason and fix
     * @param pollOverdue  null, or how the poll in progress has run longer than feed.poll.max-duration
     * @param stalled      why the feed is stalled (no poll succeeded for feed.stalled-after on the active poller), or
     *                     null
     * @param poller       "active" (this instance polls) or "standby" (another replica polls; this one serves the ops
     *                     API and replays)
     * @param failedPolls  failed polls in a row (0 after a poll that did not fail)
     * @param unreadableCourses courses skipped by the last polls because their enrolments could not be read
     */
    public record Status(String state, String haltedReason, LastPoll lastPoll, String since, long sent, long deadLettered,
                         int inFlight, Map<String, Integer> deadLetters, List<SystemHalt> halts, String pollOverdue,
                         String stalled, String poller, int failedPolls, List<UnreadableCourse> unreadableCourses) {
    }

    /** A course skipped by the last {@code polls} polls in a row since {@code since}, with the last reason. */
    public record UnreadableCourse(long courseId, String shortname, String reason, String since, int polls) {
    }

    /**
     * One system's halt.
     *
     * @param system "coursesales" or "moodle"
     * @param state  LOCKED (an administrator must unlock the CourseSales login), LOGIN_REFUSED, REFUSED (an unknown
     *               refusal) or TOKEN_REFUSED (Moodle)
     * @param code   the reason code, e.g. ACCOUNT_LOCKED, AUTHENTICATION_FAILED, HTTP_401, MOODLE_INVALIDTOKEN
     * @param fix    what the operator does about it
     */
    public record SystemHalt(String system, String state, String code, String reason, String since, String fix) {
    }

    public record LastPoll(int number, String startedAt, String outcome, String summary) {
    }

    /**
     * POST /api/resume[?system=coursesales|moodle]: lifts the halt of that system, or of both without one (the
     * CourseSales login counts as unverified again); answers the new status.
     */
    public Status resume(@Header("system") String system) {
        if (system == null || system.isBlank()) {
            feed.resume();
        } else {
            feed.resume(ExternalSystem.parse(system).orElseThrow(() -> OpsRequestException.badRequest(
                    "system must be coursesales or moodle (or left out to resume both)")));
        }
        return status();
    }

    public Status status() {
        PollRun last = feed.lastPoll();
        FeedTotals totals = feed.totals();
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        for (String s : List.of(DeadLetter.NEW, DeadLetter.REPLAY_REQUESTED, DeadLetter.REPLAYED, DeadLetter.DISCARDED)) {
            byStatus.put(s, deadLetters.count(s));
        }
        String halted = Secrets.redact(feed.haltedReason());
        return new Status(halted == null ? "RUNNING" : feed.isHalted() ? "HALTED" : "PAUSED", halted,
                last == null ? null : new LastPoll(last.number(), last.startedAt().toString(), last.outcome(), Secrets.redact(last.summary())),
                totals.since().toString(), totals.sentCount(), totals.deadLetteredCount(), inFlight.count(), byStatus,
                feed.halts().stream().map(h -> new SystemHalt(h.system().key(), h.state(), h.code(),
                        Secrets.redact(h.reason()), h.since().toString(), h.fix())).toList(), feed.pollOverdue(),
                stalled.stalled().orElse(null), poller.describe(),
                polls.failedPollsInARow(), polls.unreadableCourses().stream().map(c -> new UnreadableCourse(c.courseId(),
                        c.shortname(), Secrets.redact(c.reason()), c.since().toString(), c.polls())).toList());
    }
}
