package io.github.mcsync.observe;

import io.github.mcsync.Secrets;
import io.github.mcsync.cluster.PollerRole;
import io.github.mcsync.feed.FeedControl;
import io.github.mcsync.feed.FeedStall;
import io.github.mcsync.feed.PollRun;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Camel health check {@code mcsync/feed-stalled} (readiness): DOWN on the active poller when no poll has succeeded for
 * {@code feed.stalled-after}, with the reason (GET /api/status says the same). A standby is UP (it does not poll), and
 * so is an instance whose scheduled poll is off (moodle.poll.enabled=false). Not a liveness check: restarting the
 * process hides the reason and fixes nothing an operator must fix.
 */
public final class FeedStalledCheck extends AbstractHealthCheck {
    private final FeedControl feed;
    private final PollerRole role;
    private final FeedStall stall;
    private final Clock clock;
    private final boolean scheduled;

    public FeedStalledCheck(FeedControl feed, PollerRole role, FeedStall stall, Clock clock, boolean scheduled) {
        super("mcsync", "feed-stalled");
        this.feed = feed;
        this.role = role;
        this.stall = stall;
        this.clock = clock;
        this.scheduled = scheduled;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    /** Why the feed is stalled, or empty. */
    public Optional<String> stalled() {
        if (!scheduled) {
            return Optional.empty();
        }
        PollRun last = feed.lastPoll();
        return stall.check(clock.instant(), role.activeSince(), feed.lastSuccessfulPoll(),
                last == null ? null : Secrets.redact(last.summary()));
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("poller", role.describe()).detail("cluster.type", role.clusterType());
        if (feed.lastSuccessfulPoll() != null) {
            builder.detail("last.successful.poll", feed.lastSuccessfulPoll().toString());
        }
        Optional<String> why = stalled();
        if (why.isPresent()) {
            builder.down().message(why.get());
        } else {
            builder.up();
        }
    }
}
