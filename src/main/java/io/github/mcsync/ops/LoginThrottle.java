package io.github.mcsync.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed ops logins per client: after {@code maxFailures} within {@code window}, the client is refused (429) for
 * {@code lockout}, the right password included; then it may try again. A success clears its count.
 */
final class LoginThrottle {
    /** Clients remembered at most (each entry lives for a window or a lockout). */
    private static final int MAX_CLIENTS = 10_000;

    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Duration lockout;
    private final Map<String, Failures> clients = new ConcurrentHashMap<>();

    private record Failures(Instant windowStart, int count, Instant lockedUntil) {
    }

    /** What a failed login did: the first of its window, the one that locks the client out, or another one. */
    enum Counted { FIRST, LOCKED_OUT, COUNTED }

    LoginThrottle(Clock clock, int maxFailures, Duration window, Duration lockout) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("ops.login.max-failures must be at least 1, was " + maxFailures);
        }
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockout = lockout;
    }

    int maxFailures() {
        return maxFailures;
    }

    Duration window() {
        return window;
    }

    Duration lockout() {
        return lockout;
    }

    /** How long the client is still refused; zero when it is not. */
    Duration lockedFor(String client) {
        Failures f = clients.get(client);
        Instant now = clock.instant();
        if (f == null || f.lockedUntil() == null || !f.lockedUntil().isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, f.lockedUntil());
    }

    Counted failed(String client) {
        Instant now = clock.instant();
        if (clients.size() >= MAX_CLIENTS) {
            clients.values().removeIf(f -> expired(f, now));
        }
        Failures f = clients.compute(client, (k, old) -> {
            if (old == null || expired(old, now)) {
                return new Failures(now, 1, maxFailures == 1 ? now.plus(lockout) : null);
            }
            int count = old.count() + 1;
            return new Failures(old.windowStart(), count, count >= maxFailures ? now.plus(lockout) : null);
        });
        if (f.count() == maxFailures) {
            return Counted.LOCKED_OUT;
        }
        return f.count() == 1 ? Counted.FIRST : Counted.COUNTED;
    }

    void succeeded(String client) {
        clients.remove(client);
    }

    private boolean expired(Failures f, Instant now) {
        if (f.lockedUntil() != null) {
            return !f.lockedUntil().isAfter(now);
        }
        return !f.windowStart().plus(window).isAfter(now);
    }
}
