package io.github.mcsync.flow;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.mcsync.deadletter.StoreDatabases;
import io.github.mcsync.moodle.db.MoodleTestDatabase;
import org.junit.jupiter.api.BeforeAll;

/** The database source's scenarios on PostgreSQL (embedded, else the service on 127.0.0.1:5432): one schema per class. */
class PostgresDbSourceTest extends DbSourceScenarios {
    private static MoodleTestDatabase db;

    @BeforeAll
    static void moodleOnPostgres() throws Exception {
        db = MoodleTestDatabase.postgres();
        assumeTrue(db != null, () -> "skipped: " + StoreDatabases.whyNoPostgres());
    }

    @Override
    MoodleTestDatabase db() {
        return db;
    }

    @Override
    void createReader(String user, String password, boolean withoutProfileData) {
        db.admin.execute("CREATE ROLE " + user + " LOGIN PASSWORD '" + password + "'");
        db.admin.execute("GRANT USAGE ON SCHEMA " + db.schema + " TO " + user);
        grantTables("GRANT SELECT ON TABLE TO " + user, withoutProfileData);
    }
}
