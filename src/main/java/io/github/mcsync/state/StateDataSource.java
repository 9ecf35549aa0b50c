package io.github.mcsync.state;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pool of the state database, and whether its schema is migrated: at once when the database answered at start,
 * else by {@link #migrateIfPending()} once it answers (routes/state-database.camel.yaml tries every
 * state.retry-interval-ms, and every poll tries first). Until then polls read nothing, readiness is DOWN with
 * {@link #unavailableReason()}, and what must wait for the tables ({@link #whenMigrated}) waits.
 */
public final class StateDataSource extends HikariDataSource {
    private static final Logger LOG = LoggerFactory.getLogger(StateDataSource.class);

    private final String schema;
    private final List<Runnable> whenMigrated = new CopyOnWriteArrayList<>();
    private volatile String unavailable;

    /** @param unavailable why the database could not be migrated at start; null: it is migrated (by the caller) */
    StateDataSource(HikariConfig config, String schema, String unavailable) {
        super(config);
        this.schema = schema;
        this.unavailable = unavailable;
        if (unavailable != null) {
            LOG.warn("{}: starting anyway; polls read nothing and readiness is DOWN until it answers, then it is"
                    + " migrated and the feed runs", unavailable);
        }
    }

    /** The schema is migrated: our tables are there. */
    public boolean isMigrated() {
        return unavailable == null;
    }

    /** Why the schema is not migrated yet ("state database unavailable: ..."); null once it is. */
    public String unavailableReason() {
        return unavailable;
    }

    /**
     * Migrates the schema when it could not be at start and the database answers now; true once it is migrated. A
     * fault an operator must fix (a wrong password, someone else's tables) is kept as the reason (readiness shows it)
     * and logged when it changes.
     */
    public synchronized boolean migrateIfPending() {
        if (unavailable == null) {
            return true;
        }
        String reason;
        try {
            reason = StateDatabase.reach(getJdbcUrl(), getUsername(), getPassword(), schema);
            if (reason == null) {
                StateDatabase.migrate(this, schema);
            }
        } catch (StateDatabaseException e) {
            reason = "state database unavailable: " + e.getMessage();
        }
        if (reason != null) {
            if (!reason.equals(unavailable)) {
                LOG.warn("{}", reason);
            }
            unavailable = reason;
            return false;
        }
        unavailable = null;
        LOG.info("State database answers and is migrated: the feed runs");
        for (Runnable r : whenMigrated) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warn("after the state database came back: {}", StateDatabase.firstLine(String.valueOf(e.getMessage())));
            }
        }
        return true;
    }

    /** Not migrated (the state database has not answered since the start): a poll reads nothing. */
    public boolean isUnavailable() {
        return !migrateIfPending();
    }

    /** Runs this once the schema is migrated: now when it is, else when {@link #migrateIfPending()} migrates it. */
    public void whenMigrated(Runnable r) {
        synchronized (this) {
            if (unavailable != null) {
                whenMigrated.add(r);
                return;
            }
        }
        r.run();
    }
}
