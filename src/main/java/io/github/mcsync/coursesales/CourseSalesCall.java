package io.github.mcsync.coursesales;

import io.github.mcsync.observe.SyncMetrics;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;

/**
 * One SOAP call on the calling thread: camel-cxf's producer, called synchronously, invokes its CXF client on the
 * calling thread and the route goes on with the answer on that thread, so no CXF thread ever waits in the login gate
 * or for the metadata while an answer that would free them needs one of those threads. A failure stays on the
 * exchange, as with any producer. The producer (and its CXF client: the contract's WSDL, the JAXB context, the
 * conduit's time-outs) is made as the application starts, so a poll's first call does not wait for it (about 0.6 s).
 * Each call is timed ({@code mcsync_coursesales_call_seconds{operation}}).
 */
public final class CourseSalesCall extends ServiceSupport {
    private final CamelContext context;
    private final String uri;
    private final SyncMetrics metrics;
    private Producer producer;

    public CourseSalesCall(CamelContext context, String uri, SyncMetrics metrics) {
        this.context = context;
        this.uri = uri;
        this.metrics = metrics;
    }

    /** Sends the exchange (its body the contract's request object) and waits; a failure stays on the exchange. */
    public void call(Exchange exchange) throws Exception {
        Timer timer = metrics.courseSalesCall(exchange.getMessage().getBody().getClass().getSimpleName());
        long start = System.nanoTime();
        try {
            producer.process(exchange);
        } finally {
            timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    protected void doStart() throws Exception {
        producer = context.getEndpoint(uri).createProducer();
        ServiceHelper.startService(producer);
    }

    @Override
    protected void doStop() {
        ServiceHelper.stopService(producer);
    }
}
