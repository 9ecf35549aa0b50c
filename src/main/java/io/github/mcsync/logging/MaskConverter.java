package io.github.mcsync.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;

/**
 * Logback's {@code %mask(...)} (logback.xml): what it wraps (the message, the exception) through the log mask, so no
 * secret this process knows reaches a plain log line, whoever wrote the line.
 */
public final class MaskConverter extends CompositeConverter<ILoggingEvent> {
    private static final LogMask MASK = new LogMask();

    @Override
    protected String transform(ILoggingEvent event, String in) {
        return MASK.format(in);
    }
}
