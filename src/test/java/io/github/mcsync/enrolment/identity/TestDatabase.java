package io.github.mcsync.enrolment.identity;

import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** A fresh in-memory H2 state database, migrated like production. */
final class TestDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestDatabase() {
    }

    static DataSource fresh() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:id" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return ds;
    }
}
