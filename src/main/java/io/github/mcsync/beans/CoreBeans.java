package io.github.mcsync.beans;

import io.github.mcsync.Settings;
import io.github.mcsync.logging.LogMask;
import io.github.mcsync.logging.MaskedExchangeFormatter;
import io.github.mcsync.observe.SyncMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.micrometer.MicrometerUtils;
import io.micrometer.core.instrument.MeterRegistry;
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

    /**
     * Our metrics, on Camel's Micrometer registry (camel.metrics.*: the one Prometheus registry that the management
     * server serves at /observe/metrics, and that the routes' micrometer: endpoints use); bound here when Camel has
     * none (camel.metrics.enabled=false).
     */
    @BindToRegistry
    public SyncMetrics syncMetrics(CamelContext context) {
        MeterRegistry registry = MicrometerUtils.getMeterRegistryFromCamelRegistry(context.getRegistry(),
                MicrometerConstants.METRICS_REGISTRY_NAME);
        if (registry == null) {
            registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            context.getRegistry().bind(MicrometerConstants.METRICS_REGISTRY_NAME, registry);
        }
        return new SyncMetrics(registry);
    }

    @BindToRegistry
    public Clock clock() {
        return Clock.systemUTC();
    }
}
