package io.github.mcsync.ops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mcsync.Secrets;
import java.util.Map;
import org.apache.camel.Exchange;
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

    /** The answer to a refused request ({@link OpsRequestException}) or a failure (logged, answered 500). */
    public Map<String, String> error(Exchange exchange) {
        Throwable t = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (t instanceof OpsRequestException r) {
            return Map.of("error", Secrets.redact(r.getMessage()));
        }
        String text = t == null ? "unknown error" : Secrets.redact(t.getClass().getSimpleName() + ": " + t.getMessage());
        LOG.warn("Ops API request {} {} failed: {}", exchange.getMessage().getHeader(Exchange.HTTP_METHOD),
                exchange.getMessage().getHeader(Exchange.HTTP_PATH), text);
        return Map.of("error", text);
    }
}
