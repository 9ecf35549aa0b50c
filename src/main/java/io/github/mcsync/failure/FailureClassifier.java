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
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.transport.http.HTTPException;

/**
 * Decides from a failure's cause chain whether it is transient, permanent or systemic. CourseSales faults
 * are decided by their detail {@code Code} (the contract's table), not by the faultcode alone.
 * <p>
 * A CourseSales answer that is neither a success nor one of the contract's record-, configuration-level or
 * transient codes is an <em>unknown refusal</em> and systemic, like a refused login: a fault code the contract does
 * not know, a SOAP Client fault without our detail, an HTTP status other than 2xx, 408, 429 and 5xx (401, 403, a
 * redirect to a login page), an answer that cannot be read (HTML, another element than the operation's response).
 * CourseSales' own refusal of a login may look like any of these when the adapter is mapped to CourseSales' own
 * WSDL, so none of them is ever retried per record or per poll: the feed halts after the first.
 */
public final class FailureClassifier {
    /** The contract's codes that concern one record or CourseSales' configuration. */
    static final Set<String> RECORD_OR_CONFIGURATION_CODES = Set.of("FORM_NOT_FOUND", "FORM_INACTIVE",
            "FORM_NOT_PUBLISHED", "FIELD_NOT_FOUND", "FIELD_INACTIVE", "MANDATORY_FIELD_MISSING", "PROCESS_NOT_FOUND",
            "PROCESS_STEP_INACTIVE", "PROCESS_PATH_INACTIVE", "COURSE_DATE_NOT_FOUND", "COURSE_DATE_NOT_ACTIVE",
            "INVALID_VALUE");
    /**
     * The contract's codes that say CourseSales' configuration is wrong (a form, field or process), not the record:
     * when SubmitRegistration answers one while the cached metadata said all was active, the cache was stale.
     */
    static final Set<String> CONFIGURATION_CODES = Set.of("FORM_NOT_FOUND", "FORM_INACTIVE", "FORM_NOT_PUBLISHED",
            "FIELD_NOT_FOUND", "FIELD_INACTIVE", "MANDATORY_FIELD_MISSING", "PROCESS_NOT_FOUND", "PROCESS_STEP_INACTIVE",
            "PROCESS_PATH_INACTIVE");
    private static final Set<String> TRANSIENT_CODES = Set.of("RATE_LIMITED", "INTERNAL_ERROR");
    private static final Set<Integer> TRANSIENT_HTTP = Set.of(408, 429);
    /** A SOAP fault, HTTP status or answer the contract does not describe. */
    public static final String UNPARSABLE_ANSWER = "UNPARSABLE_ANSWER";

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
            Kind kind = TRANSIENT_CODES.contains(code) ? Kind.TRANSIENT
                    : RECORD_OR_CONFIGURATION_CODES.contains(code) ? Kind.PERMANENT : Kind.SYSTEMIC;
            return new Failure(kind, code, Secrets.redact(f.getFaultInfo().getMessage()));
        }
        if (t instanceof CourseSalesHaltedException h) {
            return new Failure(Kind.SYSTEMIC, CourseSalesHaltedException.CODE, Secrets.redact(h.haltReason()));
        }
        if (t instanceof OutcomeUnknownException u) {
            return new Failure(Kind.TRANSIENT, OutcomeUnknownException.CODE, Secrets.redact(u.getMessage()));
        }
        if (t instanceof CourseSalesBusyException b) {
            return new Failure(Kind.TRANSIENT, CourseSalesBusyException.CODE, Secrets.redact(b.getMessage()));
        }
        if (t instanceof ConfigurationProblemException c) {
            return new Failure(Kind.CONFIGURATION, c.code(), Secrets.redact(c.getMessage()));
        }
        if (t instanceof RecordRejectedException r) {
            return new Failure(Kind.PERMANENT, r.code(), Secrets.redact(r.reason()));
        }
        if (t instanceof MoodleDatabaseException d) {
            // the poll fails and the next one tries again: a database login does not lock like CourseSales'
            return new Failure(Kind.TRANSIENT, d.code(), Secrets.redact(d.getMessage()));
        }
        if (t instanceof MoodleException m) {
            return new Failure(m.systemic() ? Kind.SYSTEMIC : Kind.TRANSIENT, "MOODLE_" + m.errorCode().toUpperCase(),
                    m.getMessage());
        }
        if (endedEarly(t)) {
            // the connection closed in the middle of the answer: a dropped connection, not a refusal
            return new Failure(Kind.TRANSIENT, "CONNECTION_FAILED", "the answer ended early: " + describe(t));
        }
        if (t instanceof SoapFault s && !causedByIo(s)) {
            boolean server = s.getFaultCode() != null && "Server".equalsIgnoreCase(s.getFaultCode().getLocalPart());
            // a Client fault without the contract's detail: an unknown refusal
            return new Failure(server ? Kind.TRANSIENT : Kind.SYSTEMIC, server ? "SOAP_SERVER_FAULT" : "SOAP_CLIENT_FAULT",
                    describe(s));
        }
        if (t instanceof Fault f && !causedByIo(f)) {
            // CXF could not read the answer (HTML, another element, a broken envelope): an unknown refusal
            return new Failure(Kind.SYSTEMIC, UNPARSABLE_ANSWER, describe(f));
        }
        if (t instanceof HTTPException h) {
            int status = h.getResponseCode();
            return new Failure(TRANSIENT_HTTP.contains(status) || status >= 500 ? Kind.TRANSIENT : Kind.SYSTEMIC,
                    "HTTP_" + status, describe(h));
        }
        if (t instanceof IOException || t instanceof HttpTimeoutException) {
            return new Failure(Kind.TRANSIENT, "CONNECTION_FAILED", describe(t));
        }
        return null;
    }

    /** An answer cut short: the XML ends before the document does (the connection was closed mid-answer). */
    private static boolean endedEarly(Throwable t) {
        return t instanceof java.io.EOFException || t.getClass().getSimpleName().equals("WstxEOFException");
    }

    private static boolean causedByIo(Throwable t) {
        for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c instanceof IOException || c instanceof HttpTimeoutException || endedEarly(c)) {
                return true;
            }
        }
        return false;
    }

    /** For onWhen predicates in routes/error-handling.camel.yaml. */
    public boolean isTransient(Exchange exchange) {
        return kindOf(exchange) == Kind.TRANSIENT;
    }

    /** A CourseSales fault with one of the contract's configuration-level codes (FIELD_INACTIVE, FORM_INACTIVE, ...). */
    public boolean isConfigurationFault(Exchange exchange) {
        Throwable t = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        for (; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CourseSalesFault_Exception f && f.getFaultInfo() != null) {
                return CONFIGURATION_CODES.contains(f.getFaultInfo().getCode());
            }
        }
        return false;
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
