package io.github.mcsync.moodle.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The connection pool to Moodle's database (moodle.db.*), separate from the state database's and read-only: every
 * connection is read-only (the driver's flag and the session's default transaction mode), auto-commit, READ COMMITTED
 * (so a plain SELECT takes no row lock on PostgreSQL or InnoDB), few connections, short time-outs. The pool does not
 * connect at start: a database that is down fails a poll, not the start.
 */
public final class MoodleDatabase {
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_]{0,20}");

    private MoodleDatabase() {
    }

    /** moodle.db.prefix goes into the queries' table names: letters, digits and _ only. */
    public static String checkPrefix(String prefix) {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalStateException("Configuration moodle.db.prefix must be letters, digits or _ (Moodle's"
                    + " $CFG->prefix, e.g. mdl_), was '" + prefix + "'");
        }
        return prefix;
    }

    public static HikariDataSource open(String url, String username, String password, Duration connectTimeout) {
        if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:mariadb:") && !url.startsWith("jdbc:mysql:")) {
            throw new IllegalStateException("Configuration moodle.db.url must be a PostgreSQL or MariaDB/MySQL JDBC URL"
                    + " (jdbc:postgresql://host:5432/moodle or jdbc:mariadb://host:3306/moodle), was '"
                    + url.replaceAll("[;?].*$", "") + "'");
        }
        HikariConfig cfg = new HikariConfig();
        cfg.setPoolName("moodle");
        cfg.setJdbcUrl(url.startsWith("jdbc:mysql:") ? "jdbc:mariadb:" + url.substring("jdbc:mysql:".length()) : url);
        if (username != null) {
            cfg.setUsername(username);
        }
        if (password != null) {
            cfg.setPassword(password);
        }
        cfg.setReadOnly(true);
        cfg.setAutoCommit(true);
        cfg.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        boolean postgres = url.startsWith("jdbc:postgresql:");
        if (postgres) {
            cfg.addDataSourceProperty("readOnlyMode", "always"); // read-only even in auto-commit
            cfg.setConnectionInitSql("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
        } else {
            cfg.setConnectionInitSql("SET SESSION TRANSACTION READ ONLY");
        }
        cfg.setMaximumPoolSize(2);
        cfg.setMinimumIdle(0);
        cfg.setConnectionTimeout(Math.max(250, connectTimeout.toMillis()));
        cfg.setValidationTimeout(Math.max(250, Math.min(5000, connectTimeout.toMillis())));
        cfg.setInitializationFailTimeout(-1); // do not connect at start
        return new HikariDataSource(cfg);
    }
}
