package io.github.mcsync.beans;

import io.github.mcsync.Settings;
import io.github.mcsync.cluster.PollerRole;
import io.github.mcsync.deadletter.DeadLetterStore;
import io.github.mcsync.feed.FeedControl;
import io.github.mcsync.feed.FeedStall;
import io.github.mcsync.feed.PollSchedule;
import io.github.mcsync.observe.FeedGauges;
import io.github.mcsync.observe.FeedStalledCheck;
import io.github.mcsync.observe.StateDatabaseCheck;
import io.github.mcsync.observe.SyncMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;

/**
 * What Camel's management server serves (camel.management.*): the readiness checks of the state database and of a
 * stalled feed (the halt's check is FeedBeans' feedHealthCheck), and the feed's gauges at /observe/metrics.
 */
public final class ObserveBeans implements CamelConfiguration {

    @BindToRegistry
    public StateDatabaseCheck stateDatabaseCheck(@BeanInject("stateDataSource") DataSource stateDataSource) {
        return new StateDatabaseCheck(stateDataSource);
    }

    /** Health check mcsync/feed-stalled; feed.stalled-after, by default three intervals of moodle.poll.cron. */
    @BindToRegistry
    public FeedStalledCheck feedStalledCheck(Settings s, FeedControl feedControl, PollerRole pollerRole, Clock clock) {
        Duration after = s.optional("feed.stalled-after").isPresent() ? s.duration("feed.stalled-after")
                : PollSchedule.interval(s.get("moodle.poll.cron"), zone(s), clock.instant()).multipliedBy(3);
        return new FeedStalledCheck(feedControl, pollerRole, new FeedStall(after), clock, s.flag("moodle.poll.enabled"));
    }

    @BindToRegistry
    public FeedGauges feedGauges(SyncMetrics syncMetrics, FeedControl feedControl, DeadLetterStore deadLetterStore,
                                 PollerRole pollerRole, Clock clock) {
        return new FeedGauges(syncMetrics.registry(), feedControl, deadLetterStore, pollerRole, clock);
    }

    private static ZoneId zone(Settings s) {
        try {
            return ZoneId.of(s.get("moodle.poll.timezone"));
        } catch (java.time.DateTimeException e) {
            throw new IllegalStateException("Configuration moodle.poll.timezone must be a time zone such as"
                    + " Australia/Sydney, was '" + s.get("moodle.poll.timezone") + "'");
        }
    }
}
