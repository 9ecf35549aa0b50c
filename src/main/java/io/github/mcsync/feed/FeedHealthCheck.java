package io.github.mcsync.feed;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Camel health check {@code mcsync/feed}: DOWN with the reason while the feed does not run (halted by a systemic
 * failure such as a refused or locked CourseSales login, or paused by a CourseSales configuration problem), UP
 * otherwise. Each halted system is a detail of its own ({@code coursesales.state}: LOCKED, LOGIN_REFUSED, REFUSED;
 * {@code moodle.state}: TOKEN_REFUSED; with {@code .reason} and {@code .fix}); a locked login says so, with its fix.
 * DOWN too while a poll runs longer than feed.poll.max-duration ({@code poll.overdue}).
 * Readiness only: a liveness probe that restarted the process would try the refused login again, and CourseSales
 * locks a login after three.
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
        String overdue = feed.pollOverdue();
        if (halted == null && overdue != null) {
            builder.down().message(overdue).detail("poll.overdue", overdue);
            return;
        }
        if (halted == null) {
            builder.up();
            return;
        }
        List<Halt> halts = feed.halts();
        if (halts.isEmpty()) {
            builder.down().message("feed paused: " + halted).detail("halted.reason", halted);
            return;
        }
        builder.down().message(halts.stream().map(FeedHealthCheck::sentence).collect(Collectors.joining("; ")))
                .detail("halted.reason", halted);
        for (Halt h : halts) {
            String key = h.system().key();
            builder.detail(key + ".state", h.state()).detail(key + ".code", h.code()).detail(key + ".reason", h.reason())
                    .detail(key + ".fix", h.fix());
        }
    }

    private static String sentence(Halt h) {
        return (h.locked() ? "feed halted: CourseSales login LOCKED: " : "feed halted by " + h.system().label() + ": ")
                + h.reason() + ". " + h.fix();
    }
}
