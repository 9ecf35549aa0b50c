package io.github.mcsync.coursesales;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the last {@link CourseSalesMetadata} for a time-to-live ({@code coursesales.metadata.ttl}), so
 * metadata calls stay far below one per record. {@link #invalidate()} forces the next read to refresh.
 */
public final class MetadataCache {
    private final Clock clock;
    private final Duration ttl;
    private final AtomicReference<CourseSalesMetadata> current = new AtomicReference<>();

    public MetadataCache(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    public boolean isFresh() {
        CourseSalesMetadata m = current.get();
        return m != null && m.fetchedAt().plus(ttl).isAfter(clock.instant());
    }

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
