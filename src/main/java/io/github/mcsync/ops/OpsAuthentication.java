package io.github.mcsync.ops;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP Basic authentication of every ops API request against {@code ops.username} / {@code ops.password}.
 * The presented and the configured credentials are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, in constant time. Without {@code ops.password} every request is refused:
 * the API never runs open.
 */
public final class OpsAuthentication {
    public static final String CHALLENGE = "Basic realm=\"moodle-coursesales-sync\"";
    private static final Logger LOG = LoggerFactory.getLogger(OpsAuthentication.class);

    private final byte[] expected;

    public OpsAuthentication(String username, Optional<String> password) {
        this.expected = password.map(p -> digest(username + ":" + p)).orElse(null);
    }

    /** At start, when the API is served: says so once if it refuses every request. */
    public void warnIfClosed() {
        if (expected == null) {
            LOG.warn("ops.password is not set: the ops API refuses every request (set OPS_PASSWORD to use it)");
        }
    }

    /** True when the Authorization header carries the configured login. */
    public boolean authenticated(@Header("Authorization") String authorization) {
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
        boolean ok = MessageDigest.isEqual(expected, digest(presented));
        if (!ok) {
            LOG.warn("Ops API: a request with a wrong username or password was refused");
        }
        return ok;
    }

    private static byte[] digest(String credentials) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(credentials.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
