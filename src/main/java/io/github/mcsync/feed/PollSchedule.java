package io.github.mcsync.feed;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;
import org.quartz.CronExpression;

/** The poll interval of a Quartz cron schedule (moodle.poll.cron): the default of feed.stalled-after is three of them. */
public final class PollSchedule {
    private static final int FIRES = 10;

    private PollSchedule() {
    }

    /**
     * The longest gap between the next ten fires after {@code now} (a schedule with a pause at night counts its night);
     * for a schedule that fires once more only, the wait for it.
     */
    public static Duration interval(String cron, ZoneId zone, Instant now) {
        CronExpression expression;
        try {
            expression = new CronExpression(cron);
        } catch (ParseException e) {
            throw new IllegalStateException("Configuration moodle.poll.cron is not a Quartz cron expression: '" + cron
                    + "' (" + e.getMessage() + ")");
        }
        expression.setTimeZone(TimeZone.getTimeZone(zone));
        Date previous = expression.getNextValidTimeAfter(Date.from(now));
        if (previous == null) {
            return Duration.ofDays(365_000); // never fires again: never stalled
        }
        // a schedule that fires once more only: the wait for that fire
        Duration longest = Duration.between(now, previous.toInstant());
        boolean twice = false;
        for (int i = 0; i < FIRES && previous != null; i++) {
            Date next = expression.getNextValidTimeAfter(previous);
            if (next == null) {
                break;
            }
            Duration gap = Duration.between(previous.toInstant(), next.toInstant());
            longest = !twice || gap.compareTo(longest) > 0 ? gap : longest;
            twice = true;
            previous = next;
        }
        return longest;
    }
}
