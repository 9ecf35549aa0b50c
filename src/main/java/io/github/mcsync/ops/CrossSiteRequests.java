package io.github.mcsync.ops;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.apache.camel.Exchange;

/**
 * Refuses cross-site requests to the ops API's POST endpoints (replay, discard, resume): a browser that knows the
 * Basic credentials would otherwise send them along with a form another site posts. A POST must carry either the
 * header {@code X-Requested-By} (any value; curl: {@code -H 'X-Requested-By: ops'}) or {@code Content-Type:
 * application/json}, neither of which a cross-site form can set; and a browser's {@code Sec-Fetch-Site} and
 * {@code Origin}, when present, must say the request comes from the API's own origin. A same-origin page's
 * {@code fetch} with the header passes. Read from the request's real headers (never from query parameters).
 */
public final class CrossSiteRequests {
    public static final String REQUESTED_BY = "X-Requested-By";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> SAME_SITE_FETCH = Set.of("same-origin", "none");

    /** Why the request is refused as cross-site (answered 403), or null when it may go on. */
    public String refusal(Exchange exchange) {
        String method = HttpRequest.method(exchange).toUpperCase(Locale.ROOT);
        if (SAFE_METHODS.contains(method)) {
            return null;
        }
        String fetchSite = HttpRequest.header(exchange, "Sec-Fetch-Site");
        if (fetchSite != null && !SAME_SITE_FETCH.contains(fetchSite.strip().toLowerCase(Locale.ROOT))) {
            return "cross-site request refused (Sec-Fetch-Site: " + fetchSite.strip() + ")";
        }
        String origin = HttpRequest.header(exchange, "Origin");
        if (origin != null && !sameOrigin(origin, HttpRequest.authority(exchange))) {
            return "cross-site request refused (Origin " + origin.strip() + " is not this API's own)";
        }
        String requestedBy = HttpRequest.header(exchange, REQUESTED_BY);
        if ((requestedBy == null || requestedBy.isBlank()) && !json(HttpRequest.header(exchange, "Content-Type"))) {
            return "a POST needs the header " + REQUESTED_BY + " (e.g. curl -H '" + REQUESTED_BY + ": ops') or"
                    + " Content-Type: application/json";
        }
        return null;
    }

    private static boolean json(String contentType) {
        return contentType != null
                && contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT).equals("application/json");
    }

    /** The Origin names the host (and port) the request was sent to; scheme and default ports aside. */
    static boolean sameOrigin(String origin, String host) {
        if (host == null || origin.isBlank() || "null".equalsIgnoreCase(origin.strip())) {
            return false;
        }
        try {
            URI o = URI.create(origin.strip());
            if (o.getHost() == null) {
                return false;
            }
            URI h = URI.create("//" + host.strip());
            return o.getHost().equalsIgnoreCase(h.getHost()) && port(o.getPort(), o.getScheme()) == port(h.getPort(), o.getScheme());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(int port, String scheme) {
        if (port != -1) {
            return port;
        }
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}
