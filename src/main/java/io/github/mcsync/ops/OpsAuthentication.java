package io.github.mcsync.ops;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP Basic authentication of every ops API request against {@code ops.username} / {@code ops.password}, read from
 * the request's Authorization header only (never from a query parameter). The presented and the configured
 * credentials are compared as SHA-256 digests with {@link MessageDigest#isEqual}, in constant time. Without
 * {@code ops.password} every request is refused: the API never runs open.
 * <p>
 * Wrong passwords are throttled per client: after {@code ops.login.max-failures} within {@code ops.login.window}
 * the client is answered 429 for {@code ops.login.lockout} (its right password too), and that is logged once; the
 * first failure of a window is logged, the others are only counted.
 */
public final class OpsAuthentication {
    public static final String CHALLENGE = "Basic realm=\"moodle-coursesales-sync\"";
    private static final Logger LOG = LoggerFactory.getLogger(OpsAuthentication.class);

    private final byte[] expected;
    private final LoginThrottle throttle;

    public OpsAuthentication(String username, Optional<String> password, Clock clock, int maxFailures, Duration window,
                             Duration lockout) {
        this.expected = password.map(p -> digest(username + ":" + p)).orElse(null);
        this.throttle = new LoginThrottle(clock, maxFailures, window, lockout);
    }

    /** At start, when the API is served: says so once if it refuses every request. */
    public void warnIfClosed() {
        if (expected == null) {
            LOG.warn("ops.password is not set: the ops API refuses every request (set OPS_PASSWORD to use it)");
        }
    }

    /** True while the request's client is locked out after too many wrong passwords. */
    public boolean throttled(Exchange exchange) {
        return !throttle.lockedFor(HttpRequest.client(exchange)).isZero();
    }

    /** The Retry-After of a throttled client, in whole seconds (at least 1). */
    public long retryAfter(Exchange exchange) {
        Duration left = throttle.lockedFor(HttpRequest.client(exchange));
        return Math.max(1, (left.toMillis() + 999) / 1000);
    }

    /** True when the request's Authorization header carries the configured login; a wrong one is counted. */
    public boolean authenticated(Exchange exchange) {
        String client = HttpRequest.client(exchange);
        boolean ok = matches(HttpRequest.header(exchange, "Authorization"));
        if (ok) {
            throttle.succeeded(client);
        } else if (expected != null) {
            switch (throttle.failed(client)) {
                case FIRST -> LOG.warn("Ops API: a request from {} with a wrong or missing username or password was"
                        + " refused (further ones within {} s are counted, not logged)", client,
                        throttle.window().toSeconds());
                case LOCKED_OUT -> LOG.warn("Ops API: {} requests from {} with a wrong or missing username or password"
                        + " within {} s: its requests are answered 429 for {} s", throttle.maxFailures(), client,
                        throttle.window().toSeconds(), throttle.lockout().toSeconds());
                default -> {
                    // counted, not logged
                }
            }
        }
        return ok;
    }

    private boolean matches(String authorization) {
        if (expected == null || authorization == null) {
            return false;
        }
        String[] scheme = authorization.strip().split("\\s+", 2);
        if (scheme.length != 2 || !"Basic".equalsIgnoreCase(scheme[0])) {
            return false;
        }
        String presented;
        try {
            presented = new String(Base64.getDecoder().decode(scheme[1]), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, digest(presented));
    }

    private static byte[] digest(String credentials) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(credentials.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
