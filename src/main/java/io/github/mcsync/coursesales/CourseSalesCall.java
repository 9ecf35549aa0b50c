package io.github.mcsync.coursesales;

import io.github.mcsync.observe.SyncMetrics;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * One SOAP call on the calling thread: camel-cxf's producer is asynchronous (the answer is handled on CXF's work
 * queue, and with a plain {@code to:} the route would go on there). Sent through a ProducerTemplate, the calling thread
 * waits for the answer and the route goes on with it on that thread, so no CXF thread ever waits in the login gate or
 * for the metadata while an answer that would free them needs one of those threads. Each call is timed
 * ({@code mcsync_coursesales_call_seconds{operation}}).
 */
public final class CourseSalesCall {
    private final ProducerTemplate template;
    private final String uri;
    private final SyncMetrics metrics;

    public CourseSalesCall(CamelContext context, String uri, SyncMetrics metrics) {
        this.template = context.createProducerTemplate();
        this.uri = uri;
        this.metrics = metrics;
    }

    /** Sends the exchange (its body the contract's request object) and waits; a failure stays on the exchange. */
    public void call(Exchange exchange) {
        Timer timer = metrics.courseSalesCall(exchange.getMessage().getBody().getClass().getSimpleName());
        long start = System.nanoTime();
        try {
            template.send(uri, exchange);
        } finally {
            timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }
}
