package io.github.mcsync.state;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
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
 * cannot be opened or migrated for a reason an operator fixes ends the start with one line
 * ({@link StateDatabaseException}).
 */
public final class StateDatabase {
    /** H2's "Database may be already in use" (another process holds the file). */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;
    private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private StateDatabase() {
    }

    public static HikariDataSource open(String jdbcUrl, String username, String password) {
        return open(jdbcUrl, username, password, null);
    }

    /** @param schema the schema of our tables ({@code state.schema}); null: the connection's default schema */
    public static HikariDataSource open(String jdbcUrl, String username, String password, String schema) {
        if (schema != null && !SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("state.schema must be a plain SQL name (letters, digits, _), was '"
                    + schema + "'");
        }
        String url = durable(jdbcUrl);
        if (schema != null) {
            createSchema(url, username, password, schema);
        }
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
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(cfg);
        } catch (RuntimeException e) {
            throw unavailable(jdbcUrl, e);
        }
        try {
            migrate(ds, schema);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return ds;
    }

    /**
     * An H2 file database writes commits to its file only after a delay (500 ms) by default, so a process killed
     * with SIGKILL could forget an in-flight mark and send a registration twice. Every commit is written at once.
     */
    static String durable(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:file:") && !jdbcUrl.toUpperCase().contains("WRITE_DELAY")) {
            return jdbcUrl + ";WRITE_DELAY=0";
        }
        return jdbcUrl;
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

    private static void createSchema(String url, String username, String password, String schema) {
        try (Connection c = DriverManager.getConnection(url, username, password); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        } catch (SQLException e) {
            throw unavailable(url, e);
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

    private static StateDatabaseException unavailable(String jdbcUrl, Throwable e) {
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

    private static String firstLine(String text) {
        String line = text.strip().split("\\R", 2)[0];
        return Secrets.redact(line.length() > 300 ? line.substring(0, 300) + "…" : line);
    }
}
