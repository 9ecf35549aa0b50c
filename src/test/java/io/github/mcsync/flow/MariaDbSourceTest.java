package io.github.mcsync.flow;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.mcsync.moodle.db.MoodleTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The database source's scenarios on MariaDB at 127.0.0.1:3306 (root without password; .ci/run starts it where it is
 * installed): a new database per class. Skipped, saying why, only where that server is unreachable.
 */
class MariaDbSourceTest extends DbSourceScenarios {
    private static MoodleTestDatabase db;
    private static final java.util.List<String> USERS = new java.util.ArrayList<>();

    @BeforeAll
    static void moodleOnMariaDb() throws Exception {
        String why = MoodleTestDatabase.whyNoMariaDb();
        assumeTrue(why == null, () -> "skipped: " + why);
        db = MoodleTestDatabase.mariadb();
    }

    @AfterAll
    static void dropDatabase() {
        if (db != null) {
            USERS.forEach(u -> db.admin.execute("DROP USER '" + u + "'@'%'"));
            db.drop();
        }
    }

    @Override
    MoodleTestDatabase db() {
        return db;
    }

    @Override
    void createReader(String user, String password, boolean withoutProfileData) {
        db.admin.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + password + "'");
        USERS.add(user);
        grantTables("GRANT SELECT ON " + db.schema + ".TABLE TO '" + user + "'@'%'", withoutProfileData);
    }
}
