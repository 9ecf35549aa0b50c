package io.github.mcsync.feed;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Camel health check {@code mcsync/feed}: DOWN with the reason while the feed does not run (halted by a systemic
 * failure such as a refused or locked CourseSales login, or paused by a CourseSales configuration problem), UP
 * otherwise. Each halted system is a detail of its own ({@code coursesales.state}: LOCKED, LOGIN_REFUSED, REFUSED;
 * {@code moodle.state}: TOKEN_REFUSED; with {@code .reason} and {@code .fix}); a locked login says so, with its fix.
 * DOWN too while a poll runs longer than feed.poll.max-duration ({@code poll.overdue}).
 * Readiness only: a liveness probe that restarted the process would try the refused login again, and CourseSales
 * locks a login after three.
 */
public final class FeedHealthCheck extends AbstractHealthCheck {
    private final FeedControl feed;
    private final PollHealth polls;

    public FeedHealthCheck(FeedControl feed, PollHealth polls) {
        super("mcsync", "feed");
        this.feed = feed;
        this.polls = polls;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        String halted = feed.haltedReason();
        String overdue = feed.pollOverdue();
        if (halted == null && overdue != null) {
            builder.down().message(overdue).detail("poll.overdue", overdue);
            return;
        }
        if (halted == null) {
            pollHealth(builder);
            return;
        }
        List<Halt> halts = feed.halts();
        if (halts.isEmpty()) {
            builder.down().message("feed paused: " + halted).detail("halted.reason", halted);
            return;
        }
        builder.down().message(halts.stream().map(FeedHealthCheck::sentence).collect(Collectors.joining("; ")))
                .detail("halted.reason", halted);
        for (Halt h : halts) {
            String key = h.system().key();
            builder.detail(key + ".state", h.state()).detail(key + ".code", h.code()).detail(key + ".reason", h.reason())
                    .detail(key + ".fix", h.fix());
        }
    }

    /**
     * A running feed: DOWN after feed.health.failed-polls failed polls in a row, or once a course could not be read in
     * feed.health.unreadable-course-polls polls in a row; UP with {@code state} DEGRADED while polls fail or courses
     * are skipped below those numbers; UP otherwise.
     */
    private void pollHealth(HealthCheckResultBuilder builder) {
        int failed = polls.failedPollsInARow();
        List<PollHealth.UnreadableCourse> courses = polls.unreadableCourses();
        if (failed == 0 && courses.isEmpty()) {
            builder.up().detail("state", "UP");
            return;
        }
        List<String> problems = new java.util.ArrayList<>();
        if (failed > 0) {
            problems.add(failed + " failed poll(s) in a row: " + polls.lastFailure());
            builder.detail("polls.failed-in-a-row", failed);
        }
        for (PollHealth.UnreadableCourse c : courses) {
            problems.add("course " + c.courseId() + " (" + c.shortname() + ") skipped in " + c.polls()
                    + " poll(s) in a row: " + c.reason());
            builder.detail("course." + c.courseId() + ".reason", c.reason())
                    .detail("course." + c.courseId() + ".polls", c.polls())
                    .detail("course." + c.courseId() + ".since", c.since().toString());
        }
        boolean down = failed >= polls.failedPollsBeforeDown()
                || courses.stream().anyMatch(c -> c.polls() >= polls.unreadablePollsBeforeDown());
        builder.message(String.join("; ", problems)).detail("state", down ? "DOWN" : "DEGRADED");
        if (down) {
            builder.down();
        } else {
            builder.up();
        }
    }

    private static String sentence(Halt h) {
        return (h.locked() ? "feed halted: CourseSales login LOCKED: " : "feed halted by " + h.system().label() + ": ")
                + h.reason() + ". " + h.fix();
    }
}
