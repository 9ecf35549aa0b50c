package io.github.mcsync.state;

import io.github.mcsync.ExchangeNames;
import io.github.mcsync.coursesales.soap.CourseSalesFault_Exception;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Knows when a submission certainly created no document, so its in-flight mark can go: CourseSales answered
 * the SubmitRegistration itself with a Client fault (refused), or with RATE_LIMITED (not processed). Any other
 * outcome (a time-out, a dropped connection, INTERNAL_ERROR, a failure of another call, a failure after the
 * answer) keeps the mark, so the next try asks FindDocuments first.
 */
public final class RefusedSubmissions implements Processor {
    private static final Set<String> MAY_HAVE_CREATED = Set.of("INTERNAL_ERROR");

    private final InFlight inFlight;

    public RefusedSubmissions(InFlight inFlight) {
        this.inFlight = inFlight;
    }

    /** Before each redelivery (routes/error-handling.camel.yaml, onRedeliveryRef). */
    @Override
    public void process(Exchange exchange) {
        forgetIfRefused(exchange);
    }

    public void forgetIfRefused(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure == null) {
            failure = exchange.getException();
        }
        String key = exchange.getMessage().getHeader(ExchangeNames.SOURCE_REFERENCE, String.class);
        if (key == null || !"SubmitRegistration".equals(exchange.getProperty(ExchangeNames.LAST_COURSESALES_OPERATION, String.class))) {
            return;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CourseSalesFault_Exception f && f.getFaultInfo() != null
                    && !MAY_HAVE_CREATED.contains(f.getFaultInfo().getCode())) {
                inFlight.clear(key);
                return;
            }
        }
    }
}
