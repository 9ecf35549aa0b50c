package io.github.mcsync.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.regex.Pattern;
import org.slf4j.Marker;

/**
 * Logback turbo filter (logback.xml): Camel's own dumps of an exchange, with its body and headers, never reach a log.
 * Camel writes them when it interrupts a stuck exchange at a forced shutdown (the whole poll's enrolments, names and
 * emails included, or the Moodle request with its token) and when an error handler logs an exhausted exchange with
 * its body. Such a line is logged again without the exchange part: what happened, where, and the message history.
 */
public final class NoExchangeDumps extends TurboFilter {
    private static final String EXCHANGE_SECTION = "\nExchange\n";
    private static final Pattern BODY_LINE = Pattern.compile("\\n\\s*(Body|Headers)\\s{2,}");
    private static final String FQCN = NoExchangeDumps.class.getName();

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (format == null || logger == null || !logger.getName().startsWith("org.apache.camel")) {
            return FilterReply.NEUTRAL;
        }
        int at = format.indexOf(EXCHANGE_SECTION);
        if (at < 0 || !BODY_LINE.matcher(format).find(at)) {
            return FilterReply.NEUTRAL;
        }
        String without = format.substring(0, at) + "\n(the exchange's body and headers are not logged: they may carry"
                + " personal data or secrets)";
        logger.log(marker, FQCN, Level.toLocationAwareLoggerInteger(level), without, params, t);
        return FilterReply.DENY;
    }
}
