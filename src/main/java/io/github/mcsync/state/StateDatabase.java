package io.github.mcsync.state;

import com.zaxxer.hikari.HikariConfig;
import io.github.mcsync.Secrets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The state database (H2 file under ./data by default, PostgreSQL in production): a pooled DataSource, migrated by
 * Flyway before any route starts. With {@code state.schema} our tables live in a schema of their own (created when
 * missing; the connections' search path is set to it), so a shared PostgreSQL database is fine. A database that
 * cannot be opened or migrated for a reason an operator fixes (a wrong password, someone else's tables, a file in
 * use) ends the start with one line ({@link StateDatabaseException}). A database that does not answer yet (nothing
 * listens, the host is not known yet, a time-out) does not stop the start: the pool connects when it answers, and
 * the migration waits for it ({@link StateDataSource#migrateIfPending()}).
 */
public final class StateDatabase {
    /** H2's "Database may be already in use" (another process holds the file). */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;
    private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private StateDatabase() {
    }

    /** SQLState class of connection exceptions (PostgreSQL: 08001 nothing listens, 08006 connection failure). */
    private static final String CONNECTION_EXCEPTION = "08";
    /** How long a call waits for a connection of the pool before it fails (the state database does not answer). */
    private static final long CONNECTION_TIMEOUT_MS = 5000;

    public static StateDataSource open(String jdbcUrl, String username, String password) {
        return open(jdbcUrl, username, password, null);
    }

    /** @param schema the schema of our tables ({@code state.schema}); null: the connection's default schema */
    public static StateDataSource open(String jdbcUrl, String username, String password, String schema) {
        if (schema != null && !SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("state.schema must be a plain SQL name (letters, digits, _), was '"
                    + schema + "'");
        }
        String url = durable(jdbcUrl);
        String unavailable = reach(url, username, password, schema);
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(url);
        if (username != null) {
            cfg.setUsername(username);
        }
        if (password != null) {
            cfg.setPassword(password);
        }
        if (schema != null) {
            cfg.setSchema(schema); // PostgreSQL: the search_path of every connection
        }
        cfg.setMaximumPoolSize(8);
        cfg.setPoolName("state");
        cfg.setInitializationFailTimeout(-1); // a database that does not answer yet is connected to once it does
        cfg.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        StateDataSource ds;
        try {
            ds = new StateDataSource(cfg, schema, unavailable);
        } catch (RuntimeException e) {
            throw unavailable(jdbcUrl, e);
        }
        if (unavailable == null) {
            try {
                migrate(ds, schema);
            } catch (RuntimeException e) {
                ds.close();
                throw e;
            }
        }
        return ds;
    }

    /**
     * Connects once (creating state.schema when missing): null when the database answered; the reason, starting
     * "state database unavailable", when it does not answer (yet); a refusal an operator must fix (a wrong password,
     * a file in use) throws {@link StateDatabaseException}.
     */
    static String reach(String url, String username, String password, String schema) {
        try (Connection c = DriverManager.getConnection(url, username, password); Statement s = c.createStatement()) {
            if (schema != null) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            }
            return null;
        } catch (SQLException e) {
            if (!cannotConnect(e)) {
                throw unavailable(url, e);
            }
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return "state database unavailable: " + withoutParameters(url) + " does not answer ("
                    + firstLine(String.valueOf(root.getMessage())) + ")";
        }
    }

    /** Nothing answered (or not in time): a connection exception (SQLState 08...), a refused or timed-out socket. */
    static boolean cannotConnect(Throwable e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith(CONNECTION_EXCEPTION)
                    && !(s.getErrorCode() == H2_DATABASE_ALREADY_OPEN)) {
                return true;
            }
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.SocketTimeoutException || t instanceof java.net.NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    /**
     * An H2 file database writes commits to its file only after a delay (500 ms) by default, so a process killed
     * with SIGKILL could forget an in-flight mark and send a registration twice: every commit is written at once.
     * And H2 closes its databases in a JVM shutdown hook of its own, which runs beside Camel's graceful shutdown
     * after a SIGTERM: the records still at CourseSales then could not be recorded as delivered. The pool closes
     * the database when Camel stops it (the last connection closed), so H2's hook is turned off.
     */
    static String durable(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:h2:file:")) {
            return jdbcUrl;
        }
        String upper = jdbcUrl.toUpperCase();
        String url = jdbcUrl;
        if (!upper.contains("WRITE_DELAY")) {
            url += ";WRITE_DELAY=0";
        }
        if (!upper.contains("DB_CLOSE_ON_EXIT")) {
            url += ";DB_CLOSE_ON_EXIT=FALSE";
        }
        return url;
    }

    public static void migrate(DataSource ds) {
        migrate(ds, null);
    }

    static void migrate(DataSource ds, String schema) {
        FluentConfiguration flyway = Flyway.configure().dataSource(ds).locations("classpath:db/migration");
        if (schema != null) {
            flyway.schemas(schema).defaultSchema(schema);
        }
        try {
            flyway.load().migrate();
        } catch (FlywayException e) {
            throw refused(e, schema);
        }
    }

    private static StateDatabaseException refused(FlywayException e, String schema) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        if (m.contains("non-empty schema")) {
            return new StateDatabaseException("the state database's schema " + (schema == null ? "" : "'" + schema + "' ")
                    + "already holds tables that are not ours (and no migration history of ours): set state.schema"
                    + " (STATE_SCHEMA) to a schema of our own, e.g. state.schema=mcsync (it is created when missing)");
        }
        return new StateDatabaseException("the state database cannot be migrated: " + firstLine(m));
    }

    static StateDatabaseException unavailable(String jdbcUrl, Throwable e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof SQLException s && s.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return new StateDatabaseException("the state database " + withoutParameters(jdbcUrl) + " is in use by"
                        + " another process (probably the running service): use that service's ops API instead"
                        + " (GET /api/preflight, POST /api/resume), or stop it first");
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new StateDatabaseException("the state database " + withoutParameters(jdbcUrl) + " cannot be opened: "
                + firstLine(String.valueOf(root.getMessage())) + " (check state.jdbc-url, state.username, state.password)");
    }

    private static String withoutParameters(String jdbcUrl) {
        return jdbcUrl.replaceAll("[;?].*$", "");
    }

    static String firstLine(String text) {
        String line = text.strip().split("\\R", 2)[0];
        return Secrets.redact(line.length() > 300 ? line.substring(0, 300) + "…" : line);
    }
}
