package io.github.mcsync.observe;

import io.github.mcsync.cluster.PollerRole;
import io.github.mcsync.deadletter.DeadLetter;
import io.github.mcsync.deadletter.DeadLetterStore;
import io.github.mcsync.feed.ExternalSystem;
import io.github.mcsync.feed.FeedControl;
import io.github.mcsync.feed.FeedStall;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/**
 * The feed's gauges, read when scraped: {@code mcsync_dead_letters_open} (NEW and REPLAY_REQUESTED, from the state
 * database, so the same on every replica), {@code mcsync_feed_halted{system}} (0/1),
 * {@code mcsync_last_successful_poll_age_seconds} (NaN on a standby: it does not poll) and {@code mcsync_leader}
 * (1 on the active poller).
 */
public final class FeedGauges {

    public FeedGauges(MeterRegistry registry, FeedControl feed, DeadLetterStore deadLetters, PollerRole role, Clock clock) {
        Gauge.builder("mcsync.dead.letters.open", deadLetters,
                        d -> d.count(DeadLetter.NEW) + d.count(DeadLetter.REPLAY_REQUESTED))
                .description("Dead letters waiting for an operator (NEW or REPLAY_REQUESTED)").register(registry);
        for (ExternalSystem system : ExternalSystem.values()) {
            Gauge.builder("mcsync.feed.halted", feed, f -> f.halt(system).isPresent() ? 1 : 0).tag("system", system.key())
                    .description("1 while the feed is halted by this system (until an operator resumes)").register(registry);
        }
        Gauge.builder("mcsync.last.successful.poll.age", feed, f -> {
                    Double age = FeedStall.ageSeconds(clock.instant(), role.activeSince(), f.lastSuccessfulPoll());
                    return age == null ? Double.NaN : age;
                }).baseUnit("seconds")
                .description("Seconds since this instance's last successful poll (or since it became the poller); NaN on a standby")
                .register(registry);
        Gauge.builder("mcsync.leader", role, r -> r.isActive() ? 1 : 0)
                .description("1 on the instance that polls (the leader of cluster.type), 0 on a standby").register(registry);
    }
}
