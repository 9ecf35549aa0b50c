package io.github.mcsync.state;

import io.github.mcsync.coursesales.soap.CourseSalesFault_Exception;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Runs before each redelivery (routes/error-handling.camel.yaml, onRedeliveryRef). When CourseSales answered
 * the last try with a fault (e.g. RATE_LIMITED), it certainly created no document: the key is no longer in
 * flight, and the retry sends at once instead of asking FindDocuments first. A try without an answer
 * (time-out, dropped connection, HTTP 5xx) keeps its in-flight mark.
 */
public final class RefusedSubmissions implements Processor {
    private final InFlight inFlight;

    public RefusedSubmissions(InFlight inFlight) {
        this.inFlight = inFlight;
    }

    @Override
    public void process(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure == null) {
            failure = exchange.getException();
        }
        String key = exchange.getMessage().getHeader("sourceReference", String.class);
        for (Throwable t = failure; t != null && key != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CourseSalesFault_Exception) {
                inFlight.clear(key);
                return;
            }
        }
    }
}
