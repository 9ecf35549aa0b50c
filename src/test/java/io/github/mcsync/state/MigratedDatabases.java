package io.github.mcsync.state;

import io.github.mcsync.deadletter.StoreDatabases;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.provider.Arguments;
import org.postgresql.ds.PGSimpleDataSource;

/** The state database migrated, on H2 (in memory, a new one each time) or real PostgreSQL (skipped when absent). */
final class MigratedDatabases {
    private MigratedDatabases() {
    }

    /** The names {@link #of} takes, as parameters of a parameterized test. */
    static Stream<Arguments> names() {
        return Stream.of(Arguments.of("H2"), Arguments.of("PostgreSQL"));
    }

    static DataSource of(String name) throws Exception {
        if ("H2".equals(name)) {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:mem:state-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            StateDatabase.migrate(ds);
            return ds;
        }
        String url = StoreDatabases.postgresSchemaUrl();
        Assumptions.assumeTrue(url != null, StoreDatabases::whyNoPostgres);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser("postgres");
        StateDatabase.migrate(ds);
        return ds;
    }
}
