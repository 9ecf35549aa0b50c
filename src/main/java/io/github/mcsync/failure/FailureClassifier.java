package io.github.mcsync.failure;

import io.github.mcsync.Secrets;
import io.github.mcsync.failure.Failure.Kind;
import io.github.mcsync.coursesales.soap.CourseSalesFault_Exception;
import io.github.mcsync.moodle.MoodleException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.transport.http.HTTPException;

/**
 * Decides from a failure's cause chain whether it is transient, permanent or systemic. CourseSales faults
 * are decided by their detail {@code Code} (the contract's table), not by the faultcode alone.
 */
public final class FailureClassifier {
    private static final Set<String> TRANSIENT_CODES = Set.of("RATE_LIMITED", "INTERNAL_ERROR");
    private static final Set<String> SYSTEMIC_CODES = Set.of("AUTHENTICATION_FAILED", "ACCOUNT_LOCKED");
    private static final Set<Integer> TRANSIENT_HTTP = Set.of(408, 429, 502, 503, 504);

    public Failure classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Failure f = classifyOne(t);
            if (f != null) {
                return f;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return new Failure(Kind.PERMANENT, ReasonCode.UNEXPECTED_ERROR.name(), describe(failure));
    }

    private Failure classifyOne(Throwable t) {
        if (t instanceof CourseSalesFault_Exception f && f.getFaultInfo() != null) {
            String code = f.getFaultInfo().getCode();
            Kind kind = SYSTEMIC_CODES.contains(code) ? Kind.SYSTEMIC
                    : TRANSIENT_CODES.contains(code) ? Kind.TRANSIENT : Kind.PERMANENT;
            return new Failure(kind, code, Secrets.redact(f.getFaultInfo().getMessage()));
        }
        if (t instanceof ConfigurationProblemException c) {
            return new Failure(Kind.CONFIGURATION, c.code(), Secrets.redact(c.getMessage()));
        }
        if (t instanceof RecordRejectedException r) {
            return new Failure(Kind.PERMANENT, r.code(), Secrets.redact(r.reason()));
        }
        if (t instanceof MoodleException m) {
            return new Failure(m.systemic() ? Kind.SYSTEMIC : Kind.TRANSIENT, "MOODLE_" + m.errorCode().toUpperCase(),
                    m.getMessage());
        }
        if (t instanceof SoapFault s) {
            boolean server = s.getFaultCode() != null && "Server".equalsIgnoreCase(s.getFaultCode().getLocalPart());
            return new Failure(server ? Kind.TRANSIENT : Kind.PERMANENT, server ? "SOAP_SERVER_FAULT" : "SOAP_CLIENT_FAULT",
                    describe(s));
        }
        if (t instanceof HTTPException h) {
            return new Failure(TRANSIENT_HTTP.contains(h.getResponseCode()) || h.getResponseCode() >= 500
                    ? Kind.TRANSIENT : Kind.PERMANENT, "HTTP_" + h.getResponseCode(), describe(h));
        }
        if (t instanceof IOException || t instanceof HttpTimeoutException) {
            return new Failure(Kind.TRANSIENT, "CONNECTION_FAILED", describe(t));
        }
        return null;
    }

    /** For onWhen predicates in routes/error-handling.camel.yaml. */
    public boolean isTransient(Exchange exchange) {
        return kindOf(exchange) == Kind.TRANSIENT;
    }

    public boolean isSystemic(Exchange exchange) {
        return kindOf(exchange) == Kind.SYSTEMIC;
    }

    public Failure classify(Exchange exchange) {
        Throwable t = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return t == null ? null : classify(t);
    }

    private Kind kindOf(Exchange exchange) {
        Failure f = classify(exchange);
        return f == null ? null : f.kind();
    }

    static String describe(Throwable t) {
        String m = t.getMessage();
        return Secrets.redact(t.getClass().getSimpleName() + (m == null ? "" : ": " + m));
    }
}
