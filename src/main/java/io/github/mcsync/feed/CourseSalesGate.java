package io.github.mcsync.feed;

import io.github.mcsync.failure.CourseSalesBusyException;
import io.github.mcsync.failure.CourseSalesHaltedException;
import io.github.mcsync.failure.Failure;
import io.github.mcsync.failure.FailureClassifier;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
 *   <li>the CourseSales halt is checked inside the gate, after waiting, as the state database has it at that moment
 *       (another instance may have set or lifted it, {@link FeedControl#courseSalesHaltNow()}): a caller that finds
 *       it set fails with {@link CourseSalesHaltedException} (HALTED, with the halt's reason) and costs no login;</li>
 *   <li>a refused call (AUTHENTICATION_FAILED, ACCOUNT_LOCKED or an unknown refusal, see {@link FailureClassifier})
 *       sets the CourseSales halt before the gate lets the next caller in.</li>
 * </ul>
 * So a wrong password costs exactly one failed login whatever runs at the same moment; a password changed in
 * CourseSales while calls pass freely costs at most as many as are on the wire at that moment ({@code capacity}).
 */
public final class CourseSalesGate {
    /** Route variable of callCourseSales: the permits its call holds. */
    public static final String PERMITS = "courseSalesGatePermits";
    private static final Logger LOG = LoggerFactory.getLogger(CourseSalesGate.class);

    private final FeedControl feed;
    private final FailureClassifier classifier;
    private final int capacity;
    private final Duration maxWait;
    private final Semaphore permits;
    private volatile boolean verified;

    /**
     * @param capacity CourseSales calls in flight at once once the login is verified (at least 1)
     * @param maxWait  how long a call waits for its turn before it fails as transient (COURSESALES_BUSY)
     */
    public CourseSalesGate(FeedControl feed, FailureClassifier classifier, int capacity, Duration maxWait) {
        if (capacity < 1) {
            throw new IllegalArgumentException("coursesales.concurrency must be at least 1, was " + capacity);
        }
        this.feed = feed;
        this.classifier = classifier;
        this.capacity = capacity;
        this.maxWait = maxWait;
        this.permits = new Semaphore(capacity, true);
        feed.whenCourseSalesResumed(this::unverify);
    }

    /**
     * Waits for this call's turn (alone while the login is unverified), then checks the CourseSales halt: HALTED when
     * it is set, and the turn passes to the next caller.
     */
    public void enter(Exchange exchange) throws InterruptedException {
        int n = verified ? 1 : capacity;
        if (!permits.tryAcquire(n, maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new CourseSalesBusyException("COURSESALES_BUSY: waited " + maxWait.toSeconds() + " s for a turn in the"
                    + " CourseSales login gate; nothing was sent");
        }
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
        exchange.setVariable(PERMITS, n);
    }

    /** CourseSales answered: the login works, calls pass freely from now on. */
    public void passed() {
        if (!verified) {
            verified = true;
            LOG.info("CourseSales login verified: up to {} calls at once from now on", capacity);
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
            permits.release(held);
        }
    }

    /** True once a call succeeded since the start, the last resume or the last refused login. */
    public boolean isLoginVerified() {
        return verified;
    }

    private void unverify() {
        verified = false;
    }
}
