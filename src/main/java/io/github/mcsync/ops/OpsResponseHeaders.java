package io.github.mcsync.ops;

import java.util.Locale;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpHeaderFilterStrategy;

/**
 * The ops API answers with the headers it means and no others. Camel would copy every message header into the
 * HTTP answer, and query parameters and request headers become message headers (today {@code ?Set-Cookie=...},
 * {@code ?Location=...} or the SOAP answer's headers would come back as real response headers). Only the headers
 * below leave; the status code is set apart from them. Incoming headers are filtered as Camel's HTTP default does
 * (no {@code Camel*} header from outside).
 */
public final class OpsResponseHeaders extends HttpHeaderFilterStrategy {
    private static final Set<String> ANSWERED = Set.of("content-type", "www-authenticate", "retry-after");

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return headerName == null || !ANSWERED.contains(headerName.toLowerCase(Locale.ROOT));
    }
}
