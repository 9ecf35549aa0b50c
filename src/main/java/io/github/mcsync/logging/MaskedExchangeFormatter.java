package io.github.mcsync.logging;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExchangeFormatter;
import org.apache.camel.support.processor.DefaultExchangeFormatter;

/**
 * How Camel's tracer (camel.main.tracing) shows an exchange: as Camel's own tracer does, through {@link LogMask}, so
 * a trace never prints the Moodle token (the REST body carries it), the CourseSales password or a student's
 * personal values.
 */
public final class MaskedExchangeFormatter implements ExchangeFormatter {
    private final DefaultExchangeFormatter formatter = new DefaultExchangeFormatter();
    private final LogMask mask;

    public MaskedExchangeFormatter(LogMask mask) {
        this.mask = mask;
        formatter.setShowExchangeId(true);
        formatter.setShowExchangePattern(false);
        formatter.setMultiline(false);
        formatter.setShowHeaders(true);
        formatter.setStyle(DefaultExchangeFormatter.OutputStyle.Default);
    }

    @Override
    public String format(Exchange exchange) {
        return mask.format(formatter.format(exchange));
    }
}
