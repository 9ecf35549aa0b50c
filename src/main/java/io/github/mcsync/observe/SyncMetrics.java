package io.github.mcsync.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The counters our Java code increments, on Camel's Micrometer registry (served by the management server at
 * /observe/metrics). The routes count what they see themselves (routes/: {@code micrometer:} endpoints); the gauges
 * are {@link FeedGauges}.
 */
public final class SyncMetrics {
    private final MeterRegistry registry;

    public SyncMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The registry (the gauges of {@link FeedGauges} are registered on it too). */
    public MeterRegistry registry() {
        return registry;
    }

    /** {@code mcsync_coursesales_call_seconds{operation}}: one CourseSales SOAP call, answered or not. */
    public Timer courseSalesCall(String operation) {
        return Timer.builder("mcsync.coursesales.call").description("CourseSales SOAP calls, by operation")
                .tag("operation", operation).register(registry);
    }

    /** {@code mcsync_dead_letters_total{reason}}: a record written to the dead-letter store, by its reason code. */
    public void deadLettered(String reason) {
        Counter.builder("mcsync.dead.letters").description("Records written to the dead-letter store, by reason code")
                .tag("reason", reason).register(registry).increment();
    }
}
