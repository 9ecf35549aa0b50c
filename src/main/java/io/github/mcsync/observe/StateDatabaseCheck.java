package io.github.mcsync.observe;

import io.github.mcsync.Secrets;
import io.github.mcsync.state.StateDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Camel health check {@code mcsync/state-database} (readiness): DOWN while the state database does not answer (every
 * record then stays at its source), or has not answered since the start (not migrated yet). Not a liveness check: a restart does not bring a database back.
 */
public final class StateDatabaseCheck extends AbstractHealthCheck {
    private static final int VALID_SECONDS = 2;
    private final DataSource state;

    public StateDatabaseCheck(DataSource state) {
        super("mcsync", "state-database");
        this.state = state;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        if (state instanceof StateDataSource s && !s.isMigrated()) {
            builder.down().message(s.unavailableReason() + "; polls read nothing until it answers");
            return;
        }
        try (Connection c = state.getConnection()) {
            if (c.isValid(VALID_SECONDS)) {
                builder.up();
            } else {
                builder.down().message("state database: no answer within " + VALID_SECONDS + "s");
            }
        } catch (SQLException e) {
            builder.down().message("state database unreachable: " + Secrets.redact(String.valueOf(e.getMessage())));
        }
    }
}
