package io.github.mcsync.feed;

import io.github.mcsync.ExchangeNames;
import io.github.mcsync.failure.Failure;
import io.github.mcsync.failure.FailureClassifier;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the polls have gone lately, for the health check and the status: failed polls in a row, and the courses whose
 * enrolments could not be read in the last polls. A course that cannot be read (nopermissions, a Moodle error about
 * that course) is skipped, the other courses go on; it is logged when it starts failing or its reason changes, and
 * when it can be read again, not once per poll. A failure that is not the course's (a refused token: systemic; Moodle
 * unreachable: a connection failure or time-out) stops the poll instead.
 */
public final class PollHealth {
    private static final Logger LOG = LoggerFactory.getLogger("io.github.mcsync.poll");
    private static final String CONNECTION_FAILED = "CONNECTION_FAILED";

    /** A course that could not be read in the last {@code polls} polls in a row, since {@code since}. */
    public record UnreadableCourse(long courseId, String shortname, String reason, Instant since, int polls) {
    }

    private final FailureClassifier classifier = new FailureClassifier();
    private final Clock clock;
    private final int failedPollsBeforeDown;
    private final int unreadablePollsBeforeDown;
    private final AtomicInteger failedPolls = new AtomicInteger();
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
    private final Map<Long, UnreadableCourse> unreadable = new ConcurrentHashMap<>();
    /** The poll numbers in which each unreadable course was last tried. */
    private final Map<Long, Integer> lastTried = new ConcurrentHashMap<>();

    /**
     * @param failedPollsBeforeDown     feed.health.failed-polls: health DOWN after this many failed polls in a row
     * @param unreadablePollsBeforeDown feed.health.unreadable-course-polls: health DOWN once a course could not be
     *                                  read in this many polls in a row (DEGRADED before)
     */
    public PollHealth(Clock clock, int failedPollsBeforeDown, int unreadablePollsBeforeDown) {
        if (failedPollsBeforeDown < 1 || unreadablePollsBeforeDown < 1) {
            throw new IllegalArgumentException("feed.health.failed-polls and feed.health.unreadable-course-polls must"
                    + " be at least 1");
        }
        this.clock = clock;
        this.failedPollsBeforeDown = failedPollsBeforeDown;
        this.unreadablePollsBeforeDown = unreadablePollsBeforeDown;
    }

    /**
     * For the doCatch of routes/moodle-ws-source.camel.yaml: one course's enrolments could not be read. A failure that
     * is the course's own skips it in this poll (nothing of it sent or marked) and returns; any other (systemic, or
     * Moodle unreachable) is thrown again, to end the poll.
     */
    public void courseSkipped(Exchange exchange, long courseId, String shortname) throws Exception {
        Failure f = classifier.classify(exchange);
        if (f == null || f.kind() == Failure.Kind.SYSTEMIC || CONNECTION_FAILED.equals(f.code())) {
            Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            throw caught != null ? caught : new IllegalStateException("course " + courseId + " could not be read");
        }
        String reason = f == null ? "unknown failure" : f.code() + " (" + f.text() + ")";
        PollRun run = exchange.getProperty(ExchangeNames.POLL_RUN, PollRun.class);
        UnreadableCourse before = unreadable.get(courseId);
        UnreadableCourse now = before == null
                ? new UnreadableCourse(courseId, shortname, reason, clock.instant(), 1)
                : new UnreadableCourse(courseId, shortname, reason, before.since(), before.polls() + 1);
        unreadable.put(courseId, now);
        if (run != null) {
            lastTried.put(courseId, run.number());
            run.courseEnded(courseId, shortname, reason);
        }
        if (before == null || !before.reason().equals(reason)) {
            LOG.warn("Course {} ({}) skipped: its enrolments cannot be read: {}. The other courses go on; it is read"
                    + " again every poll (logged again when this changes). Fix: let the web-service user see the"
                    + " course's participants in Moodle (capability moodle/course:viewparticipants), or leave the"
                    + " course out of moodle.courses.", courseId, shortname, reason);
        } else {
            LOG.debug("Course {} ({}) still skipped ({} polls): {}", courseId, shortname, now.polls(), reason);
        }
    }

    /** One course was read in full. */
    public void courseRead(Exchange exchange, long courseId, String shortname) {
        UnreadableCourse was = unreadable.remove(courseId);
        lastTried.remove(courseId);
        if (was != null) {
            LOG.info("Course {} ({}) can be read again (skipped in {} polls since {})", courseId, shortname,
                    was.polls(), was.since());
        }
        PollRun run = exchange.getProperty(ExchangeNames.POLL_RUN, PollRun.class);
        if (run != null) {
            run.courseEnded(courseId, shortname, null);
        }
    }

    /** A poll ended: counts failed polls in a row; forgets unreadable courses this poll did not try (no longer watched). */
    public void pollFinished(PollRun run) {
        if (run.failure() != null) {
            failedPolls.incrementAndGet();
            lastFailure.set(run.failure());
        } else if (run.haltedReason() == null) {
            failedPolls.set(0);
            lastFailure.set(null);
            unreadable.keySet().removeIf(id -> !Integer.valueOf(run.number()).equals(lastTried.get(id)));
            lastTried.keySet().retainAll(unreadable.keySet());
        }
    }

    public int failedPollsInARow() {
        return failedPolls.get();
    }

    public String lastFailure() {
        return lastFailure.get();
    }

    public int failedPollsBeforeDown() {
        return failedPollsBeforeDown;
    }

    public int unreadablePollsBeforeDown() {
        return unreadablePollsBeforeDown;
    }

    /** The courses skipped in the last polls, oldest failure first. */
    public List<UnreadableCourse> unreadableCourses() {
        return unreadable.values().stream().sorted((a, b) -> a.since().compareTo(b.since())).toList();
    }
}
