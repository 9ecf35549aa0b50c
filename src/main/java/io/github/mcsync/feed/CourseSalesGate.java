package io.github.mcsync.feed;

import io.github.mcsync.ExchangeNames;
import io.github.mcsync.failure.CourseSalesBusyException;
import io.github.mcsync.failure.CourseSalesHaltedException;
import io.github.mcsync.failure.Failure;
import io.github.mcsync.failure.FailureClassifier;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one gate every CourseSales call passes (the callCourseSales route: metadata refreshes, FindDocuments,
 * SubmitRegistration, preflight; from polls, replays and the ops API alike). CourseSales locks a login after three
 * failed logins in a row, so:
 * <ul>
 *   <li>after a start, a resume or a refused login the login is <em>unverified</em>: calls pass one at a time, the
 *       others wait in the gate, until one succeeds; then up to {@code capacity} calls pass at once;</li>
 *   <li>so is it for the first call of every poll and replay, and after the gate was idle for
 *       {@link #REVERIFY_AFTER_IDLE}: a password changed in CourseSales between polls costs the first call alone,
 *       not one per send lane;</li>
 *   <li>the CourseSales halt is checked inside the gate, after waiting, as the state database has it at that moment
 *       (another instance may have set or lifted it, {@link FeedControl#courseSalesHaltNow()}): a caller that finds
 *       it set fails with {@link CourseSalesHaltedException} (HALTED, with the halt's reason) and costs no login;</li>
 *   <li>a refused call (AUTHENTICATION_FAILED, ACCOUNT_LOCKED or an unknown refusal, see {@link FailureClassifier})
 *       sets the CourseSales halt before the gate lets the next caller in.</li>
 * </ul>
 * So a wrong password costs exactly one failed login whatever runs at the same moment; a password changed in
 * CourseSales while calls pass freely costs at most as many as are on the wire at that moment ({@code capacity}).
 * <p>
 * CourseSales is a shared service: a RATE_LIMITED answer to one call pauses every caller (all send lanes, replays,
 * preflight) before its next call, for {@code firstPause}, doubled by every further RATE_LIMITED in a row up to
 * {@code maxPause}; the first call CourseSales answers after the pause ends the series (calls already on the wire when
 * the pause began end as they do). The call that was refused is redelivered by
 * the route's error handler as before.
 */
public final class CourseSalesGate {
    /** Route variable of callCourseSales: the permits its call holds. */
    public static final String PERMITS = "courseSalesGatePermits";
    private static final Logger LOG = LoggerFactory.getLogger(CourseSalesGate.class);
    private static final String RATE_LIMITED = "RATE_LIMITED";
    /** With no call in the gate for this long, the next call verifies the login alone. */
    public static final Duration REVERIFY_AFTER_IDLE = Duration.ofSeconds(1);

    private final FeedControl feed;
    private final FailureClassifier classifier;
    private final int capacity;
    private final Duration maxWait;
    private final Semaphore permits;
    private final Duration firstPause;
    private final Duration maxPause;
    private volatile boolean verified;
    /** System.nanoTime() before which no call goes in (RATE_LIMITED); 0: none. */
    private volatile long quietUntil;
    private int rateLimitedInARow;
    /** Calls between enter and leave. */
    private final AtomicInteger inside = new AtomicInteger();
    /** The next call passes alone although the login worked (a new poll or replay, or after idling). */
    private volatile boolean checkAlone;
    /** The poll or replay of the last call that came in. */
    private volatile PollRun lastRun;
    /** System.nanoTime() when the last call left. */
    private volatile long lastLeft = System.nanoTime();

    /**
     * @param capacity CourseSales calls in flight at once once the login is verified (at least 1)
     * @param maxWait  how long a call waits for its turn before it fails as transient (COURSESALES_BUSY)
     */
    public CourseSalesGate(FeedControl feed, FailureClassifier classifier, int capacity, Duration maxWait) {
        this(feed, classifier, capacity, maxWait, Duration.ZERO, Duration.ZERO);
    }

    /**
     * @param firstPause how long every caller waits after a RATE_LIMITED answer (doubled while they come in a row)
     * @param maxPause   the longest such pause
     */
    public CourseSalesGate(FeedControl feed, FailureClassifier classifier, int capacity, Duration maxWait,
                           Duration firstPause, Duration maxPause) {
        if (capacity < 1) {
            throw new IllegalArgumentException("coursesales.concurrency must be at least 1, was " + capacity);
        }
        this.feed = feed;
        this.classifier = classifier;
        this.capacity = capacity;
        this.maxWait = maxWait;
        this.permits = new Semaphore(capacity, true);
        this.firstPause = firstPause;
        this.maxPause = maxPause.compareTo(firstPause) < 0 ? firstPause : maxPause;
        feed.whenCourseSalesResumed(this::unverify);
    }

    /**
     * Waits for this call's turn (alone while the login is unverified), then checks the CourseSales halt: HALTED when
     * it is set, and the turn passes to the next caller.
     */
    public void enter(Exchange exchange) throws InterruptedException {
        PollRun run = exchange.getProperty(ExchangeNames.POLL_RUN, PollRun.class);
        if (run != null && run != lastRun
                || inside.get() == 0 && System.nanoTime() - lastLeft > REVERIFY_AFTER_IDLE.toNanos()) {
            checkAlone = true; // a new poll or replay, or idle: the next call checks the login alone
        }
        if (run != null) {
            lastRun = run;
        }
        int n = verified && !checkAlone ? 1 : capacity;
        takeTurn(n);
        Optional<Halt> halt;
        try {
            halt = feed.courseSalesHaltNow(); // as the state database has it now: another instance may have halted
        } catch (RuntimeException e) {
            permits.release(n);
            throw e;
        }
        if (halt.isPresent()) {
            permits.release(n);
            throw new CourseSalesHaltedException(halt.get().reason());
        }
        inside.incrementAndGet();
        exchange.setVariable(PERMITS, n);
    }

    /** CourseSales answered: the login works, calls pass freely from now on. */
    public void passed() {
        if (quietUntil != 0) {
            endPauses();
        }
        checkAlone = false;
        if (!verified) {
            verified = true;
            LOG.debug("CourseSales login verified: up to {} calls at once from now on", capacity);
        }
    }

    /**
     * CourseSales did not answer as asked: a refused login or an unknown refusal sets the CourseSales halt (before
     * the next caller is let in) and the login counts as unverified; the failure goes on to the caller unchanged.
     */
    public void refused(Exchange exchange) throws Exception {
        Throwable t = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Failure f = t == null ? null : classifier.classify(t);
        if (f != null && f.kind() == Failure.Kind.SYSTEMIC) {
            verified = false;
            feed.haltCourseSales(f.code(), f.code() + ": " + f.text());
        } else if (f != null && RATE_LIMITED.equals(f.code())) {
            pauseEveryone();
        }
        if (t instanceof Exception e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }

    /** The call is over: the next caller may go. */
    public void leave(Exchange exchange, @Variable(PERMITS) Integer held) {
        if (held != null) {
            exchange.removeVariable(PERMITS);
            lastLeft = System.nanoTime();
            inside.decrementAndGet();
            permits.release(held);
        }
    }

    /** True once a call succeeded since the start, the last resume or the last refused login. */
    public boolean isLoginVerified() {
        return verified;
    }

    /** Pauses every caller before its next call: CourseSales asked us to slow down. */
    private synchronized void pauseEveryone() {
        if (firstPause.isZero()) {
            return;
        }
        Duration pause = firstPause.multipliedBy(1L << Math.min(rateLimitedInARow, 20));
        if (pause.compareTo(maxPause) > 0) {
            pause = maxPause;
        }
        rateLimitedInARow++;
        long until = System.nanoTime() + pause.toNanos();
        if (quietUntil == 0 || until - quietUntil > 0) {
            quietUntil = until;
            LOG.warn("CourseSales answered RATE_LIMITED: every CourseSales call waits {} ms before it goes", pause.toMillis());
        }
    }

    /** A call was answered: once the pause is over, the next RATE_LIMITED starts a new series. */
    private synchronized void endPauses() {
        if (quietUntil != 0 && System.nanoTime() - quietUntil >= 0) {
            rateLimitedInARow = 0;
            quietUntil = 0;
        }
    }

    /**
     * Takes n permits once no RATE_LIMITED pause is on: a pause that began while this caller waited for its turn (the
     * callers queued behind a call that checks the login alone, say) is waited out too, its permits given back meanwhile.
     */
    private void takeTurn(int n) throws InterruptedException {
        while (true) {
            waitOutPause();
            if (!permits.tryAcquire(n, maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new CourseSalesBusyException("COURSESALES_BUSY: waited " + maxWait.toSeconds() + " s for a turn in"
                        + " the CourseSales login gate; nothing was sent");
            }
            long until = quietUntil;
            if (until == 0 || until - System.nanoTime() <= 0) {
                return;
            }
            permits.release(n);
        }
    }

    private void waitOutPause() throws InterruptedException {
        long until = quietUntil;
        long left = until == 0 ? 0 : until - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    private void unverify() {
        verified = false;
    }
}
