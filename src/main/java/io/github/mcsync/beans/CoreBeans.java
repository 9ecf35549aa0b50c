package io.github.mcsync.beans;

import io.github.mcsync.Settings;
import io.github.mcsync.logging.LogMask;
import io.github.mcsync.logging.MaskedExchangeFormatter;
import java.time.Clock;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.MaskingFormatter;

/**
 * What every other bean uses: the configuration contract ({@link Settings}) and the clock; and how Camel's own logs
 * show an exchange (the log mask, and the tracer's masked formatter): never a secret or a student's personal data.
 */
public final class CoreBeans implements CamelConfiguration {

    /** Camel's log mask for the log EIP and log endpoint (camel.main.log-mask=true), bound under Camel's name. */
    @BindToRegistry(MaskingFormatter.CUSTOM_LOG_MASK_REF)
    public LogMask logMask() {
        return new LogMask();
    }

    /** The tracer (camel.main.tracing=true) shows every exchange through the log mask. */
    @Override
    public void configure(CamelContext context) {
        context.getTracer().setExchangeFormatter(new MaskedExchangeFormatter(new LogMask()));
    }

    @BindToRegistry
    public Settings settings(CamelContext context) {
        return new Settings(context);
    }

    @BindToRegistry
    public Clock clock() {
        return Clock.systemUTC();
    }
}
