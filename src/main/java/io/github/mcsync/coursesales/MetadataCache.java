package io.github.mcsync.coursesales;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
    private final AtomicReference<CourseSalesMetadata> current = new AtomicReference<>();

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
     * Whether refreshing before rejecting is worth a call: true unless the metadata was already fetched during
     * this poll (so a fix made in CourseSales a minute ago is seen, yet one poll refreshes at most once).
     *
     * @param pollStartedAt when the poll (or replay) began; null outside one
     */
    public boolean refreshWorthwhile(Instant pollStartedAt) {
        CourseSalesMetadata m = current.get();
        return m == null || pollStartedAt == null || m.fetchedAt().isBefore(pollStartedAt);
    }

    public void invalidate() {
        current.set(null);
    }

}
