package io.github.mcsync.state;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The state database (H2 file under ./data by default, PostgreSQL in production): a pooled DataSource,
 * migrated by Flyway before any route starts.
 */
public final class StateDatabase {
    private StateDatabase() {
    }

    public static HikariDataSource open(String jdbcUrl, String username, String password) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(durable(jdbcUrl));
        if (username != null) {
            cfg.setUsername(username);
        }
        if (password != null) {
            cfg.setPassword(password);
        }
        cfg.setMaximumPoolSize(8);
        cfg.setPoolName("state");
        HikariDataSource ds = new HikariDataSource(cfg);
        migrate(ds);
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
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    }
}
