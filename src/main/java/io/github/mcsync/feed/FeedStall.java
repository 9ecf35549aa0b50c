package io.github.mcsync.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The feed stalled: the active poller has had no successful poll for {@code feed.stalled-after} (by default three
 * poll intervals), counted from its last successful poll, or from when it became the poller if that is later. A
 * standby polls nothing and is never stalled. A successful poll read Moodle and was not stopped by a halt (its
 * records may have been dead-lettered: they are accounted for).
 */
public record FeedStall(Duration after) {

    /**
     * @param activeSince when this instance became the active poller; null for a standby
     * @param lastSuccess the end of the last successful poll of this instance; null before the first
     * @param lastPoll    the last poll's summary line, or null
     * @return why the feed is stalled, or empty while it is not
     */
    public Optional<String> check(Instant now, Instant activeSince, Instant lastSuccess, String lastPoll) {
        if (activeSince == null) {
            return Optional.empty();
        }
        Instant from = lastSuccess == null || lastSuccess.isBefore(activeSince) ? activeSince : lastSuccess;
        Duration quiet = Duration.between(from, now);
        if (quiet.compareTo(after) <= 0) {
            return Optional.empty();
        }
        String what = lastSuccess == null || lastSuccess.isBefore(activeSince)
                ? "no poll has succeeded since this instance became the poller at " + activeSince
                : "no poll has succeeded since " + lastSuccess;
        return Optional.of("feed stalled: " + what + " (" + words(quiet) + " ago; feed.stalled-after = " + words(after)
                + "); " + (lastPoll == null ? "no poll has run at all: check moodle.poll.cron and the log"
                : "last poll: " + lastPoll));
    }

    /** Seconds since the last successful poll (or since this instance became the poller); null for a standby. */
    public static Double ageSeconds(Instant now, Instant activeSince, Instant lastSuccess) {
        if (activeSince == null) {
            return null;
        }
        Instant from = lastSuccess == null || lastSuccess.isBefore(activeSince) ? activeSince : lastSuccess;
        return Duration.between(from, now).toMillis() / 1000.0;
    }

    static String words(Duration d) {
        long s = d.toSeconds();
        if (s < 120) {
            return s + "s";
        }
        long m = d.toMinutes();
        return m < 120 ? m + "m" : d.toHours() + "h" + (m % 60 == 0 ? "" : (m % 60) + "m");
    }
}
