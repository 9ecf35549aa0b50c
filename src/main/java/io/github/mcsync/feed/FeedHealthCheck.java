package io.github.mcsync.feed;

import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Camel health check {@code mcsync/feed}: DOWN with the reason while the feed does not run (halted by a systemic
 * failure such as a refused CourseSales login, or paused by a CourseSales configuration problem), UP otherwise.
 * Readiness only: a liveness probe that restarted the process would clear the halt and try the refused login
 * again, and CourseSales locks a login after three.
 */
public final class FeedHealthCheck extends AbstractHealthCheck {
    private final FeedControl feed;

    public FeedHealthCheck(FeedControl feed) {
        super("mcsync", "feed");
        this.feed = feed;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        String halted = feed.haltedReason();
        if (halted == null) {
            builder.up();
        } else {
            builder.down().message((feed.isHalted() ? "feed halted: " : "feed paused: ") + halted)
                    .detail("halted.reason", halted);
        }
    }
}
