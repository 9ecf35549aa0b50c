package io.github.mcsync.feed;

import io.github.mcsync.Secrets;
import io.github.mcsync.failure.CourseSalesBusyException;
import io.github.mcsync.failure.CourseSalesHaltedException;
import io.github.mcsync.failure.Failure;
import io.github.mcsync.state.HaltStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the feed runs, and the history of polls. A systemic failure halts the feed: no record is consumed or
 * dead-lettered until an operator resumes (or the application restarts with new configuration). There is one halt
 * per system (Moodle, CourseSales), each with its own reason: a Moodle halt never hides a CourseSales refusal, and
 * every CourseSales caller looks at the CourseSales halt only ({@link #loginRefused()}).
 * <p>
 * The halts are shared by every instance on the state database: the view here is read again when it is older than
 * feed.halt-refresh (1 s), and before every CourseSales call ({@link #courseSalesHaltNow()}), so a standby never
 * spends a failed login on a halt the leader set, and a resume on one instance lifts the halt on all of them. A halt
 * set while the state database does not answer is kept here and written once it answers again.
 */
public final class FeedControl {
    private static final Logger LOG = LoggerFactory.getLogger(FeedControl.class);
    /** How a halt by Moodle (token, web-service access) begins its reason. */
    public static final String MOODLE_HALT = "Moodle refused";

    private final Clock clock;
    private final Map<ExternalSystem, AtomicReference<Halt>> halts = new EnumMap<>(ExternalSystem.class);
    private final AtomicReference<String> paused = new AtomicReference<>();
    private volatile String lastPauseLogged;
    private final AtomicInteger polls = new AtomicInteger();
    private final AtomicReference<PollRun> last = new AtomicReference<>();
    private volatile Instant lastSuccess;
    private final FeedTotals totals;
    private final List<Runnable> resumeListeners = new CopyOnWriteArrayList<>();

    private final HaltStore haltStore;
    private final Duration pollMaxDuration;
    private final long refreshNanos;
    /** Guards the halts against a read of the database in between a change here and its write there. */
    private final ReentrantLock haltLock = new ReentrantLock();
    /** Halts set here that the state database does not hold yet (it did not answer); guarded by haltLock. */
    private final Set<ExternalSystem> unsaved = EnumSet.noneOf(ExternalSystem.class);
    /** The halts were read from the state database at least once (at start, or once it answered). */
    private volatile boolean loaded;
    private volatile long nextRead = System.nanoTime();
    private volatile boolean readFailing;
    /** Why the process stops (see {@link #stopping}); null while it runs. */
    private volatile String stopping;

    /** A feed whose halts last only as long as the process (tests of pure rules). */
    public FeedControl(Clock clock) {
        this(clock, null);
    }

    public FeedControl(Clock clock, HaltStore haltStore) {
        this(clock, haltStore, null);
    }

    /**
     * A feed whose systemic halts are kept in the state database: a restart with the same configuration stays
     * halted (a --once run from cron never costs a second failed login); changed configuration lifts the halt of the
     * system whose endpoint or credentials changed.
     */
    /**
     * @param pollMaxDuration feed.poll.max-duration: a poll running longer is reported (status, health) and takes no
     *                        further record, so the next poll is not held up (null: no bound)
     */
    public FeedControl(Clock clock, HaltStore haltStore, Duration pollMaxDuration) {
        this(clock, haltStore, pollMaxDuration, Duration.ofSeconds(1));
    }

    /**
     * @param refreshEvery feed.halt-refresh: the halts are read from the state database again when the view here is
     *                     older than this (another instance halted or resumed)
     */
    public FeedControl(Clock clock, HaltStore haltStore, Duration pollMaxDuration, Duration refreshEvery) {
        this.clock = clock;
        this.pollMaxDuration = pollMaxDuration;
        this.refreshNanos = refreshEvery.toNanos();
        this.totals = new FeedTotals(clock.instant());
        this.haltStore = haltStore;
        for (ExternalSystem s : ExternalSystem.values()) {
            halts.put(s, new AtomicReference<>());
        }
        refresh(true);
    }

    /**
     * Reads the halts from the state database again when due (or when forced): the first successful read drops the
     * halts recorded under another configuration and logs those kept; later reads follow the other instances' halts
     * and resumes. A database that does not answer leaves the view as it is (logged once until it answers).
     */
    private void refresh(boolean force) {
        if (haltStore == null || !force && System.nanoTime() - nextRead < 0 || !haltStore.readable()) {
            return; // not migrated yet: nothing to read, and no call waits for a database that does not answer
        }
        if (force) {
            haltLock.lock();
        } else if (!haltLock.tryLock()) {
            return; // another thread reads them now: the view as it is will do
        }
        try {
            if (!force && System.nanoTime() - nextRead < 0) {
                return;
            }
            nextRead = System.nanoTime() + refreshNanos;
            try {
                for (ExternalSystem s : List.copyOf(unsaved)) {
                    Halt h = halts.get(s).get();
                    if (h != null) {
                        haltStore.save(s.key(), h.code(), h.reason());
                    }
                    unsaved.remove(s);
                }
                boolean first = !loaded;
                apply(first ? haltStore.current() : haltStore.shared(), first);
                loaded = true;
                if (readFailing) {
                    readFailing = false;
                    LOG.info("Halts read from the state database again");
                }
            } catch (RuntimeException e) {
                if (!readFailing) {
                    readFailing = true;
                    LOG.warn("state database unavailable: the halts cannot be read ({}); {}", describe(e), loaded
                            ? "the halts as last read apply until it answers"
                            : "no CourseSales call is made until they are read");
                }
            }
        } finally {
            haltLock.unlock();
        }
    }

    private void apply(List<HaltStore.Kept> kept, boolean first) {
        for (ExternalSystem s : ExternalSystem.values()) {
            HaltStore.Kept k = kept.stream().filter(x -> x.system().equals(s.key())).findFirst().orElse(null);
            AtomicReference<Halt> local = halts.get(s);
            if (k != null && local.get() == null) {
                Halt h = new Halt(s, k.code(), k.reason(), k.since());
                local.set(h);
                LOG.error("Feed {} by {}: {}. {}", first ? "still halted from an earlier run" : "halted (recorded by"
                        + " another instance in the state database)", s.label(), h.reason(), h.fix());
            } else if (k == null && local.get() != null && !first && !unsaved.contains(s)) {
                Halt was = local.getAndSet(null);
                LOG.info("Feed resumed for {} by another instance (was halted: {})", s.label(), was.reason());
                if (s == ExternalSystem.COURSESALES) {
                    resumeListeners.forEach(Runnable::run);
                }
            }
        }
    }

    private static String describe(RuntimeException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = String.valueOf(root.getMessage()).strip().split("\\R", 2)[0];
        return Secrets.redact(m.length() > 200 ? m.substring(0, 200) + "…" : m);
    }

    /**
     * The CourseSales halt as the state database holds it at this moment (read again now, whatever the interval):
     * the login gate asks this before every CourseSales call, so no instance spends a failed login on a halt another
     * one set. While the halts could never be read (the state database has not answered since the start) no call is
     * made: it fails as transient (COURSESALES_BUSY), nothing is sent and the record waits at its source.
     */
    public Optional<Halt> courseSalesHaltNow() {
        refresh(true);
        if (haltStore != null && !loaded) {
            throw new CourseSalesBusyException(CourseSalesBusyException.CODE + ": state database unavailable: the"
                    + " CourseSales halt cannot be read, so no CourseSales call is made; nothing was sent");
        }
        return Optional.ofNullable(halts.get(ExternalSystem.COURSESALES).get());
    }

    public PollRun startPoll() {
        PollRun run = new PollRun(polls.incrementAndGet(), clock.instant(), totals);
        paused.set(null); // a configuration problem is checked again by every poll
        String reason = haltReason();
        if (reason != null) {
            run.halted(reason);
        } else if (stopping != null) {
            run.interrupted(stopping);
        }
        last.set(run);
        return run;
    }

    public PollRun lastPoll() {
        return last.get();
    }

    /** A poll read Moodle and was not stopped by a halt (the feed-stalled check counts from here). */
    public void pollSucceeded() {
        lastSuccess = clock.instant();
    }

    /** When the last successful poll of this process ended; null before the first. */
    public Instant lastSuccessfulPoll() {
        return lastSuccess;
    }

    /** The figures of one replay request (number 0; not a poll, so not the last poll). */
    public PollRun startReplay() {
        return new PollRun(0, clock.instant(), totals);
    }

    /** Sent and dead-lettered since start, over polls and replays. */
    public FeedTotals totals() {
        return totals;
    }

    /**
     * Moodle is not halted and the process is not stopping: a poll may read it. While only CourseSales is halted, a
     * poll still reads the courses that need their first baseline (a Moodle read only), so a first start halted for
     * days swallows nothing.
     */
    public boolean readsMoodle() {
        refresh(false);
        return halts.get(ExternalSystem.MOODLE).get() == null && stopping == null;
    }

    /**
     * Whether records are taken: not halted, not paused, and the poll in progress was not interrupted (CourseSales
     * unavailable or the process stopping, see {@link #interrupt} and {@link #stopping}) and has not run longer than
     * feed.poll.max-duration.
     */
    public boolean isRunning() {
        return haltReason() == null && paused.get() == null && !currentPollStopped();
    }

    private boolean currentPollStopped() {
        PollRun run = last.get();
        if (run == null || run.isFinished()) {
            return false;
        }
        if (!run.isInterrupted() && overdue(run) != null) {
            run.interrupted("it ran longer than feed.poll.max-duration (" + pollMaxDuration + ")");
            LOG.warn("poll {} has run longer than feed.poll.max-duration ({}): it takes no further record; the rest waits"
                    + " at its source for the next poll", run.number(), pollMaxDuration);
        }
        return run.isInterrupted();
    }

    /** How long the poll in progress has run past feed.poll.max-duration, or null when it has not (or none runs). */
    public Duration overdue(PollRun run) {
        if (pollMaxDuration == null || run == null || run.isFinished()) {
            return null;
        }
        Duration running = Duration.between(run.startedAt(), clock.instant());
        return running.compareTo(pollMaxDuration) > 0 ? running : null;
    }

    /**
     * One sentence when the poll in progress has run longer than feed.poll.max-duration (status and health), else null.
     */
    public String pollOverdue() {
        PollRun run = last.get();
        Duration running = overdue(run);
        return running == null ? null : "poll " + run.number() + " has been running for " + running.toSeconds()
                + " s, longer than feed.poll.max-duration (" + pollMaxDuration + "): it takes no further record and"
                + " ends after the record in hand (every call ends within its time-out)";
    }

    /**
     * CourseSales stayed unavailable past the redeliveries: the poll in progress takes no further record, the record
     * in hand and the rest wait at their source; the next poll starts over. Not a halt: nothing waits for an operator.
     */
    public void interrupt(PollRun run, String reason) {
        if (run != null && !run.isInterrupted()) {
            run.interrupted(reason);
            LOG.warn("poll {} interrupted after {} sent ({} since the process started): {}. The records in hand and"
                    + " the rest wait at their source; the next poll tries them again", run.number(), run.sentCount(),
                    totals.sentCount(), reason);
        }
    }

    /**
     * The process is asked to stop (SIGTERM: a rollout, {@code docker stop}): the poll in progress takes no further
     * record and no later poll reads anything, so Camel's graceful shutdown waits only for the records in hand (one per
     * send lane), answered and recorded before the state database closes. The rest waits at its source for the next
     * start. Idempotent; a finished poll stays as it ended.
     */
    public void stopping(String reason) {
        if (stopping == null) {
            stopping = reason;
        }
        PollRun run = last.get();
        if (run != null && !run.isFinished()) {
            interrupt(run, reason);
        }
    }

    /** The poll is over: it no longer counts as in progress (feed.poll.max-duration). */
    public void finished(PollRun run) {
        run.finished(clock.instant());
    }

    /** Halted by a systemic failure of either system until an operator resumes (not merely paused). */
    public boolean isHalted() {
        return haltReason() != null;
    }

    /** The halt of one system, if it is halted. */
    public Optional<Halt> halt(ExternalSystem system) {
        refresh(false);
        return Optional.ofNullable(halts.get(system).get());
    }

    /** Every halt in force, CourseSales first. */
    public List<Halt> halts() {
        refresh(false);
        return List.of(ExternalSystem.COURSESALES, ExternalSystem.MOODLE).stream()
                .map(s -> halts.get(s).get()).filter(h -> h != null).toList();
    }

    /**
     * The CourseSales halt is set (a refused or locked login, or an unknown refusal): every new CourseSales call
     * would cost a failed login, so none is made.
     */
    public boolean loginRefused() {
        refresh(false);
        return halts.get(ExternalSystem.COURSESALES).get() != null;
    }

    /** Why the feed does not run: the CourseSales halt, else the Moodle halt, else a configuration pause. */
    public String haltedReason() {
        String h = haltReason();
        return h != null ? h : paused.get();
    }

    private String haltReason() {
        return halts().stream().findFirst().map(Halt::reason).orElse(null);
    }

    /**
     * CourseSales' configuration is wrong for every record: consume nothing more in this poll. The reason is
     * logged once, not once per record or poll, until it changes.
     */
    public void pause(String reason) {
        paused.set(reason);
        if (firstToLogPause(reason)) { // send lanes that meet the same problem side by side log it once
            LOG.error("Feed paused by a CourseSales configuration problem: {}. Nothing is consumed or dead-lettered;"
                    + " every poll checks again, and the feed resumes by itself once it is fixed.", reason);
        }
        PollRun run = last.get();
        if (run != null) {
            run.halted(reason);
        }
    }

    /**
     * Halts the feed for the system a systemic failure came from (Moodle codes start with MOODLE_); a call the
     * login gate stopped ({@code HALTED}) changes nothing, the CourseSales halt is already set.
     */
    public void halt(Failure f) {
        if (CourseSalesHaltedException.CODE.equals(f.code())) {
            markLastPoll(haltReason());
        } else if (f.code().startsWith("MOODLE_")) {
            haltMoodle(f.code(), MOODLE_HALT + " the web-service call: " + f.code() + " (" + f.text() + ")"
                    + "; check moodle.token and the web service's functions in Moodle");
        } else {
            haltCourseSales(f.code(), f.code() + ": " + f.text());
        }
    }

    /** CourseSales refused: the login (AUTHENTICATION_FAILED, ACCOUNT_LOCKED) or in an unknown way. */
    public void haltCourseSales(String code, String reason) {
        halt(ExternalSystem.COURSESALES, code, reason);
    }

    /** Moodle refused the token or the web-service access. */
    public void haltMoodle(String code, String reason) {
        halt(ExternalSystem.MOODLE, code, reason);
    }

    /** Halts one system; the first reason stays until resumed, and is logged once, not once per record. */
    private void halt(ExternalSystem system, String code, String reason) {
        Halt h = new Halt(system, code, reason, clock.instant());
        boolean set;
        haltLock.lock();
        try {
            set = halts.get(system).compareAndSet(null, h);
            if (set && haltStore != null) {
                try {
                    haltStore.save(system.key(), code, reason);
                } catch (RuntimeException e) {
                    unsaved.add(system);
                    LOG.warn("state database unavailable: the halt of {} is kept in this instance and written once it"
                            + " answers ({})", system.label(), describe(e));
                }
            }
        } finally {
            haltLock.unlock();
        }
        if (set) {
            LOG.error("Feed halted by {}: {}. No record is consumed until an operator resumes or the application"
                    + " restarts with corrected configuration. {}", system.label(), reason, h.fix());
        }
        markLastPoll(haltReason());
    }

    private void markLastPoll(String reason) {
        PollRun run = last.get();
        if (run != null && reason != null) {
            run.halted(reason);
        }
    }

    private synchronized boolean firstToLogPause(String reason) {
        if (reason.equals(lastPauseLogged)) {
            return false;
        }
        lastPauseLogged = reason;
        return true;
    }

    /** A poll got through: a configuration problem seen before is gone (and is logged again if it returns). */
    public void configurationHealthy() {
        if (lastPauseLogged != null && paused.get() == null) {
            LOG.info("CourseSales configuration problem resolved: {}", lastPauseLogged);
            lastPauseLogged = null;
        }
    }

    /** Lifts both halts. */
    public void resume() {
        for (ExternalSystem s : ExternalSystem.values()) {
            resume(s);
        }
    }

    /**
     * Lifts one system's halt. The CourseSales login counts as unverified again (the login gate lets calls through
     * one at a time until one succeeds), whether it was halted or not.
     */
    public void resume(ExternalSystem system) {
        Halt was;
        haltLock.lock();
        try {
            if (haltStore != null) {
                haltStore.clear(system.key()); // first: a resume the state database did not take changes nothing
            }
            unsaved.remove(system);
            was = halts.get(system).getAndSet(null);
        } finally {
            haltLock.unlock();
        }
        if (was != null) {
            LOG.info("Feed resumed for {} (was halted: {})", system.label(), was.reason());
        }
        if (system == ExternalSystem.COURSESALES) {
            resumeListeners.forEach(Runnable::run);
        }
    }

    /** Called whenever the CourseSales halt is lifted by a resume (the login gate forgets that the login worked). */
    public void whenCourseSalesResumed(Runnable listener) {
        resumeListeners.add(listener);
    }
}
