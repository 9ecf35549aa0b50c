package io.github.mcsync.ops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mcsync.Secrets;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The ops API's error answers: {@code {"error": "..."}}, never a secret and never a stack trace. */
public final class OpsAnswers {
    private static final Logger LOG = LoggerFactory.getLogger(OpsAnswers.class);

    /** A JSON tree: marshalled as is by the REST binding, and written as JSON by the OpenAPI route (no binding). */
    public ObjectNode unauthorized() {
        return JsonNodeFactory.instance.objectNode()
                .put("error", "authentication required: HTTP Basic with ops.username and ops.password");
    }

    /** 403: a cross-site request (see {@link CrossSiteRequests}). */
    public ObjectNode forbidden(@Variable("crossSite") String reason) {
        return JsonNodeFactory.instance.objectNode().put("error", reason);
    }

    /** 429: too many wrong passwords from this client. */
    public ObjectNode throttled(@Header("Retry-After") long retryAfterSeconds) {
        return JsonNodeFactory.instance.objectNode().put("error", "too many requests with a wrong username or password"
                + " from this client: try again in " + retryAfterSeconds + " s");
    }

    /** 503: the state database does not answer (a DB-backed request); logged in one line, never a secret. */
    public ObjectNode stateDatabaseUnavailable(Exchange exchange) {
        Throwable t = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Throwable root = t;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String cause = root == null ? "no answer" : Secrets.redact(String.valueOf(root.getMessage()).strip().split("\\R", 2)[0]);
        LOG.warn("Ops API request {} {}: state database unavailable ({})",
                exchange.getMessage().getHeader(Exchange.HTTP_METHOD), exchange.getMessage().getHeader(Exchange.HTTP_PATH),
                cause);
        return JsonNodeFactory.instance.objectNode().put("error", "state database unavailable: the request changed"
                + " nothing; try again once it answers (GET /observe/health/ready says when)");
    }

    /** The answer to a refused request ({@link OpsRequestException}) or a failure (logged, answered 500). */
    public ObjectNode error(Exchange exchange) {
        Throwable t = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (t instanceof OpsRequestException r) {
            return JsonNodeFactory.instance.objectNode().put("error", Secrets.redact(r.getMessage()));
        }
        String text = t == null ? "unknown error" : Secrets.redact(t.getClass().getSimpleName() + ": " + t.getMessage());
        LOG.warn("Ops API request {} {} failed: {}", exchange.getMessage().getHeader(Exchange.HTTP_METHOD),
                exchange.getMessage().getHeader(Exchange.HTTP_PATH), text);
        return JsonNodeFactory.instance.objectNode().put("error", text);
    }
}
