package io.github.mcsync.coursesales;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the last {@link CourseSalesMetadata} for a time-to-live ({@code coursesales.metadata.ttl}), so
 * metadata calls stay far below one per record. {@link #invalidate()} forces the next read to refresh.
 * The metadata is an immutable snapshot, read once per record ({@link #fresh()}): whether it is fresh and what it
 * holds come from the same read, so an invalidation at any moment (a replay begins with one) can only make the next
 * record fetch again, never leave a record without metadata.
 */
public final class MetadataCache {
    private final Clock clock;
    private final Duration ttl;
    /** Long enough for a fetch's four calls at their time-outs; a wait that ends sooner is a fault of its own. */
    private static final Duration FETCH_WAIT = Duration.ofMinutes(10);
    private final AtomicReference<CourseSalesMetadata> current = new AtomicReference<>();
    /** A semaphore, not a lock: the fetch may end on another thread than it began (asynchronous SOAP calls). */
    private final Semaphore fetching = new Semaphore(1, true);

    public MetadataCache(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    /** The cached snapshot while it is younger than the time-to-live, else null (then fetch and {@link #store}). */
    public CourseSalesMetadata fresh() {
        CourseSalesMetadata m = current.get();
        return m != null && m.fetchedAt().plus(ttl).isAfter(clock.instant()) ? m : null;
    }

    /** The last snapshot, however old (null: none, or invalidated since). */
    public CourseSalesMetadata current() {
        return current.get();
    }

    public CourseSalesMetadata store(CourseSalesMetadata metadata) {
        current.set(metadata);
        return metadata;
    }

    /**
     * Whether refreshing before rejecting is worth a call: true when the metadata this record was checked against was
     * fetched before this poll began (so a fix made in CourseSales a minute ago is seen, yet one poll refreshes at
     * most once, however many send lanes find the same problem at the same moment).
     *
     * @param pollStartedAt when the poll (or replay) began; null outside one
     * @param checked       the snapshot the record was checked against (null: none)
     */
    public boolean refreshWorthwhile(Instant pollStartedAt, CourseSalesMetadata checked) {
        return checked == null || pollStartedAt == null || checked.fetchedAt().isBefore(pollStartedAt);
    }

    /**
     * Forgets the snapshot unless it was fetched during this poll (another lane refreshed it already) or is being
     * fetched again now (already forgotten): the next read fetches at most once.
     *
     * @param pollStartedAt when the poll (or replay) began; null outside one: forgotten in any case
     */
    public void invalidateIfBefore(Instant pollStartedAt) {
        current.updateAndGet(m -> m != null && pollStartedAt != null && !m.fetchedAt().isBefore(pollStartedAt) ? m : null);
    }

    public void invalidate() {
        current.set(null);
    }

    /**
     * Waits for the turn to fetch (one fetch at a time: the send lanes that find the cache empty at the same moment
     * wait for one fetch and read its snapshot, see {@link #fresh()} after this). {@link #endFetch()} ends the turn.
     */
    public void beginFetch() throws InterruptedException {
        if (!fetching.tryAcquire(FETCH_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("CourseSales metadata: another fetch has taken longer than " + FETCH_WAIT);
        }
    }

    public void endFetch() {
        fetching.release();
    }
}
