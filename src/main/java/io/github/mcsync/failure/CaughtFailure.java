package io.github.mcsync.failure;

import org.apache.camel.Exchange;

/**
 * Throws again, unchanged, the failure a route's doCatch caught, once the catch has looked into it (e.g. the stale
 * metadata check of routes/coursesales-send.camel.yaml), so the record's error handling classifies it as usual.
 */
public final class CaughtFailure {

    public void rethrow(Exchange exchange) throws Exception {
        Throwable t = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (t instanceof Exception e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("no caught failure to throw again");
    }
}
