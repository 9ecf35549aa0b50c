package io.github.mcsync.feed;

import io.github.mcsync.enrolment.Enrolment;
import io.github.mcsync.state.PollHistory.CourseFigures;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The figures of one poll, shared by the split's records (an exchange property), summarised in one line:
 * {@code poll 1: 6 new, 6 sent, 0 dead-lettered}.
 */
public final class PollRun {
    private final int number;
    private final Instant startedAt;
    private final AtomicInteger found = new AtomicInteger();
    private final AtomicInteger fresh = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger deadLettered = new AtomicInteger();
    private final AtomicInteger parked = new AtomicInteger();
    private volatile Integer baseline;
    private volatile String failure;
    private volatile String halted;
    private volatile String interrupted;
    private volatile Instant finishedAt;
    private final AtomicInteger outcomeUnknown = new AtomicInteger();
    private final FeedTotals totals;
    /** New, sent and dead-lettered per Moodle course, in the order the poll met the courses. */
    private final Map<Long, CourseTally> courses = new LinkedHashMap<>();
    private final List<Course> polled = new CopyOnWriteArrayList<>();
    private volatile int[] courseStart;

    /**
     * One course's figures in this poll; {@code failure} is set when its enrolments could not be read (the course was
     * skipped, nothing of it sent or marked).
     */
    public record Course(long id, String shortname, int fresh, int sent, int deadLettered, String failure) {
    }

    public PollRun(int number, Instant startedAt) {
        this(number, startedAt, new FeedTotals(startedAt));
    }

    /** A run whose sent and dead-lettered records also count in the application's totals. */
    public PollRun(int number, Instant startedAt, FeedTotals totals) {
        this.number = number;
        this.startedAt = startedAt;
        this.totals = totals;
    }

    public void found(int n) {
        found.addAndGet(n);
    }

    /** A new record (not done, not waiting in dead letters), counted for its course too. */
    public void fresh(Enrolment e) {
        fresh.incrementAndGet();
        tally(e, 1, 0, 0);
    }

    /** A new record the feed stopped before (halted or paused): it stays waiting at its source, not "new" in this poll. */
    public void returnedToSource(Enrolment e) {
        fresh.decrementAndGet();
        tally(e, -1, 0, 0);
    }

    public void sent(Enrolment e) {
        sent.incrementAndGet();
        totals.sent();
        tally(e, 0, 1, 0);
    }

    public void deadLettered(Enrolment e) {
        deadLettered.incrementAndGet();
        totals.deadLettered();
        tally(e, 0, 0, 1);
    }

    private synchronized void tally(Enrolment e, int fresh, int sent, int deadLettered) {
        if (e != null) {
            courses.computeIfAbsent(e.courseId(), id -> new CourseTally(e.courseShortname())).add(fresh, sent, deadLettered);
        }
    }

    /** The figures per course that had anything new, in the order the poll met them (for the run history). */
    public synchronized List<CourseFigures> courses() {
        return courses.entrySet().stream().filter(c -> !c.getValue().isEmpty())
                .map(c -> c.getValue().figures(c.getKey())).toList();
    }

    /** One course's new, sent and dead-lettered records. */
    private static final class CourseTally {
        private final String shortname;
        private int fresh;
        private int sent;
        private int deadLettered;

        CourseTally(String shortname) {
            this.shortname = shortname;
        }

        void add(int f, int s, int d) {
            fresh += f;
            sent += s;
            deadLettered += d;
        }

        boolean isEmpty() {
            return fresh == 0 && sent == 0 && deadLettered == 0;
        }

        CourseFigures figures(long courseId) {
            return new CourseFigures(courseId, shortname, fresh, sent, deadLettered, null);
        }
    }

    public void parked() {
        parked.incrementAndGet();
    }

    /** Adds {@code n} enrolments recorded as known by a baseline (one per course that needed one). */
    public synchronized void baseline(int n) {
        baseline = baseline == null ? n : baseline + n;
    }

    /** A course's turn begins (courses are polled one after the other). */
    public void courseStarted() {
        courseStart = new int[] {fresh.get(), sent.get(), deadLettered.get()};
    }

    /** A course's turn ended: its figures are those counted since it began; {@code failure} when it was skipped. */
    public void courseEnded(long id, String shortname, String failure) {
        int[] start = courseStart == null ? new int[3] : courseStart;
        polled.add(new Course(id, shortname, fresh.get() - start[0], sent.get() - start[1],
                deadLettered.get() - start[2], failure));
        courseStart = null;
    }

    /** The courses this poll took its turn on (read, or skipped), in order. */
    public List<Course> polledCourses() {
        return List.copyOf(polled);
    }

    /** The courses whose enrolments could not be read. */
    public List<Course> skippedCourses() {
        return polled.stream().filter(c -> c.failure() != null).toList();
    }

    public void failed(String reason) {
        failure = reason;
    }

    public void halted(String reason) {
        halted = reason;
    }

    /**
     * CourseSales stayed unavailable past the redeliveries (or did not answer a submission): the poll takes no further
     * record; this one and the rest wait at their source for the next poll.
     */
    public void interrupted(String reason) {
        if (interrupted == null) {
            interrupted = reason;
        }
    }

    /** A record whose last submission is not answered yet: it waits at its source until its outcome can be known. */
    public void outcomeUnknown() {
        outcomeUnknown.incrementAndGet();
    }

    /** A poll's records wait at their source when not delivered; a replay's (number 0) have no source to wait at. */
    public boolean fromSource() {
        return number > 0;
    }

    /** Why the poll stopped taking records before the end, or null. */
    public String interruptedReason() {
        return interrupted;
    }

    /** The poll is over (its summary was logged). */
    public void finished(Instant at) {
        finishedAt = at;
    }

    public boolean isFinished() {
        return finishedAt != null;
    }

    public boolean isInterrupted() {
        return interrupted != null;
    }

    /** Records that wait at their source until their last submission's outcome can be known. */
    public int outcomeUnknownCount() {
        return outcomeUnknown.get();
    }

    public int number() {
        return number;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public int sentCount() {
        return sent.get();
    }

    public int deadLetteredCount() {
        return deadLettered.get();
    }

    public int freshCount() {
        return fresh.get();
    }

    public int foundCount() {
        return found.get();
    }

    /** Enrolments skipped because they wait in the dead-letter store. */
    public int parkedCount() {
        return parked.get();
    }

    /** Existing enrolments recorded as known by this poll's baseline; null when it took none. */
    public Integer baselineCount() {
        return baseline;
    }

    public String failure() {
        return failure;
    }

    public String haltedReason() {
        return halted;
    }

    /** Nothing failed: the poll ran, every course was read, nothing was dead-lettered, the feed is not halted. */
    public boolean ok() {
        return failure == null && halted == null && interrupted == null && deadLettered.get() == 0
                && skippedCourses().isEmpty();
    }

    /** FAILED, HALTED, COURSES_SKIPPED (some courses could not be read), DEAD_LETTERS or OK. */
    public String outcome() {
        return failure != null ? "FAILED" : halted != null ? "HALTED" : interrupted != null ? "INTERRUPTED"
                : !skippedCourses().isEmpty() ? "COURSES_SKIPPED"
                : deadLettered.get() > 0 ? "DEAD_LETTERS" : "OK";
    }

    public String summary() {
        if (failure != null) {
            return "poll " + number + ": failed, nothing sent: " + failure;
        }
        StringBuilder s = new StringBuilder("poll " + number + ": ");
        if (baseline != null) {
            s.append("baseline, ").append(baseline).append(" existing enrolments recorded as known (moodle.start=now), ");
        }
        s.append(fresh.get()).append(" new, ").append(sent.get()).append(" sent, ")
                .append(deadLettered.get()).append(" dead-lettered");
        if (parked.get() > 0) {
            s.append(", ").append(parked.get()).append(" waiting in dead letters");
        }
        if (outcomeUnknown.get() > 0) {
            s.append(", ").append(outcomeUnknown.get()).append(" waiting for the outcome of an unanswered submission");
        }
        for (Course c : skippedCourses()) {
            s.append("; course ").append(c.id()).append(" (").append(c.shortname()).append(") skipped: ")
                    .append(c.failure());
        }
        if (halted != null) {
            s.append("; feed halted: ").append(halted);
        } else if (interrupted != null) {
            s.append("; interrupted: ").append(interrupted).append(" (the rest waits at its source for the next poll)");
        }
        return s.toString();
    }
}
