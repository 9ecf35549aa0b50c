package io.github.mcsync.ops;

import io.vertx.core.http.HttpServerRequest;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.vertx.HttpMessage;

/**
 * The HTTP request itself, as the client sent it. Camel turns query parameters into message headers too, so a
 * header read from the message may have come from the URL ({@code ?Authorization=...}); what authenticates and what
 * decides whether a request is cross-site is read here, from the request's real headers only.
 */
final class HttpRequest {
    private HttpRequest() {
    }

    /** A real request header; null when absent or when the exchange did not come from the HTTP server. */
    static String header(Exchange exchange, String name) {
        HttpServerRequest request = request(exchange);
        return request == null ? null : request.getHeader(name);
    }

    /** The host and port the request was sent to (the Host header, or HTTP/2's :authority); null when unknown. */
    static String authority(Exchange exchange) {
        HttpServerRequest request = request(exchange);
        if (request == null || request.authority() == null) {
            return null;
        }
        var a = request.authority();
        String host = a.host().contains(":") && !a.host().startsWith("[") ? "[" + a.host() + "]" : a.host();
        return a.port() > 0 ? host + ":" + a.port() : host;
    }

    static String method(Exchange exchange) {
        HttpServerRequest request = request(exchange);
        return request == null ? "" : request.method().name();
    }

    /** The client's address (the peer of the connection: a proxy in front counts as one client). */
    static String client(Exchange exchange) {
        HttpServerRequest request = request(exchange);
        return request == null || request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    private static HttpServerRequest request(Exchange exchange) {
        return exchange.getIn() instanceof HttpMessage m ? m.getRequest() : null;
    }
}
