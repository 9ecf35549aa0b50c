package io.github.mcsync.moodle.db;

import io.github.mcsync.failure.MoodleDatabaseException;
import io.github.mcsync.ops.Preflight;
import io.github.mcsync.ops.PreflightReport;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.apache.camel.Variable;

/**
 * The preflight's checks of Moodle's database (moodle.source=db): it can be reached with the login, every table the
 * source reads exists with moodle.db.prefix, and the account may SELECT from each. Every failure says how to fix it.
 */
public final class MoodleDatabaseCheck {
    /** The tables the database source reads (without the prefix). */
    public static final List<String> TABLES = List.of("user_enrolments", "enrol", "course", "user", "context",
            "role_assignments", "role", "user_info_data", "user_info_field");

    private final String prefix;
    private final String username;
    private final MoodleDatabaseFailures failures;

    public MoodleDatabaseCheck(String prefix, String username, MoodleDatabaseFailures failures) {
        this.prefix = prefix;
        this.username = username;
        this.failures = failures;
    }

    /** Adds the database lines to the report; true when every table can be read (then the courses are checked too). */
    public boolean check(@Variable(Preflight.REPORT) PreflightReport report, Exchange exchange) {
        DataSource ds = exchange.getContext().getRegistry().lookupByNameAndType("moodleDataSource", DataSource.class);
        try (Connection c = ds.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            report.pass("Moodle database", "connected as '" + username + "' (" + meta.getDatabaseProductName() + " "
                    + meta.getDatabaseProductVersion() + "), read-only: " + c.isReadOnly());
            List<String> missing = new ArrayList<>();
            List<String> denied = new ArrayList<>();
            for (String t : TABLES) {
                try (Statement s = c.createStatement()) {
                    s.setQueryTimeout(10);
                    s.executeQuery("SELECT * FROM " + prefix + t + " WHERE 1 = 0").close();
                } catch (SQLException e) {
                    MoodleDatabaseException f = failures.translate(e);
                    if ("MOODLE_DB_PERMISSION_DENIED".equals(f.code())) {
                        denied.add(prefix + t);
                    } else if ("MOODLE_DB_TABLE_MISSING".equals(f.code())) {
                        missing.add(prefix + t);
                    } else {
                        report.fail("Moodle table " + prefix + t, f.code() + ": " + f.getMessage());
                        return false;
                    }
                }
            }
            if (!missing.isEmpty()) {
                report.fail("Moodle tables", "not found: " + String.join(", ", missing) + " (check moodle.db.prefix, now '"
                        + prefix + "' (Moodle's $CFG->prefix in config.php), and that moodle.db.url names Moodle's database)");
            }
            if (!denied.isEmpty()) {
                report.fail("Moodle read grants", "'" + username + "' may not SELECT from " + String.join(", ", denied)
                        + ": grant it SELECT on them (README, 'The Moodle database source', has the GRANT lines)");
            }
            if (missing.isEmpty() && denied.isEmpty()) {
                report.pass("Moodle tables", "all " + TABLES.size() + " tables the source reads exist with prefix '"
                        + prefix + "' and '" + username + "' may SELECT from each");
                return true;
            }
            return false;
        } catch (SQLException | RuntimeException e) {
            MoodleDatabaseException f = failures.translate(e);
            report.fail("Moodle database", f.code() + ": " + f.getMessage());
            return false;
        }
    }
}
