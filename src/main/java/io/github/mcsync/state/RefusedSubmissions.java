package io.github.mcsync.state;

import io.github.mcsync.ExchangeNames;
import io.github.mcsync.coursesales.soap.CourseSalesFault_Exception;
import io.github.mcsync.failure.CourseSalesBusyException;
import io.github.mcsync.failure.CourseSalesHaltedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.transport.http.HTTPException;

/**
 * Settles a failed submission's in-flight mark by what the failure says about the SubmitRegistration:
 * <ul>
 *   <li>certainly no document: CourseSales answered it with a Client fault (refused: a record or configuration code,
 *       a refused login) or RATE_LIMITED (not processed), or it never left (the login gate did not let it through:
 *       HALTED, COURSESALES_BUSY; the connection was refused): the mark goes;</li>
 *   <li>answered, outcome unknown: INTERNAL_ERROR, a SOAP Server fault, an HTTP error status: the mark stays and is
 *       marked answered, so FindDocuments may tell at once;</li>
 *   <li>no answer (a time-out, a dropped or reset connection): the mark stays as it is, and is looked up only after
 *       the receive time-out plus coursesales.unknown-outcome-grace.</li>
 * </ul>
 * A failure of another call (FindDocuments, metadata) or after the answer changes nothing.
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
        boolean answered = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CourseSalesFault_Exception f && f.getFaultInfo() != null) {
                if (MAY_HAVE_CREATED.contains(f.getFaultInfo().getCode())) {
                    inFlight.answered(key);
                } else {
                    inFlight.clear(key);
                }
                return;
            }
            if (t instanceof CourseSalesHaltedException || t instanceof CourseSalesBusyException
                    || t instanceof ConnectException) {
                inFlight.clear(key); // nothing was sent
                return;
            }
            if (t instanceof HTTPException) { // an HTTP status came back (is an IOException too)
                inFlight.answered(key);
                return;
            }
            if (t instanceof IOException || t instanceof HttpTimeoutException) {
                return; // no answer (a time-out, a reset): the outcome is unknown until the grace is over
            }
            answered |= t instanceof Fault; // a SOAP fault, or an answer that could not be read
        }
        if (answered) {
            inFlight.answered(key);
        }
    }
}
