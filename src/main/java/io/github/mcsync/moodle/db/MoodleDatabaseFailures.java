package io.github.mcsync.moodle.db;

import io.github.mcsync.Secrets;
import io.github.mcsync.failure.MoodleDatabaseException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.camel.Exchange;

/**
 * Turns a failure of a query on Moodle's database into one line an operator can act on ({@link MoodleDatabaseException}),
 * by the SQLSTATE PostgreSQL and MariaDB report: the server cannot be reached, the login is refused, a table or
 * column is missing (a wrong moodle.db.prefix, another Moodle version), SELECT is not granted. Never the password.
 */
public final class MoodleDatabaseFailures {
    private final String url;
    private final String prefix;
    private final String username;

    /** @param url moodle.db.url (shown without its parameters) */
    public MoodleDatabaseFailures(String url, String prefix, String username) {
        this.url = url == null ? "" : url.replaceAll("[;?].*$", "");
        this.prefix = prefix;
        this.username = username;
    }

    /** For the doCatch of routes/moodle-db-source.camel.yaml: rethrows the caught failure as one clear line. */
    public void raise(Exchange exchange) {
        Throwable t = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        throw translate(t);
    }

    public MoodleDatabaseException translate(Throwable failure) {
        SQLException sql = null;
        boolean connect = false;
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof SQLException s && (sql == null || s.getSQLState() != null)) {
                sql = s;
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof SQLTransientConnectionException) {
                connect = true;
            }
        }
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        int vendor = sql == null ? 0 : sql.getErrorCode();
        String cause = firstLine(root(failure));
        if (state.startsWith("28") || vendor == 1045) {
            return failure("MOODLE_DB_LOGIN_REFUSED", "the Moodle database refuses the login of '" + username + "' at "
                    + url + ": " + cause + " (check moodle.db.username and moodle.db.password)");
        }
        if (state.startsWith("08") || connect || (sql == null && failure != null)) {
            return failure("MOODLE_DB_UNREACHABLE", "the Moodle database " + url + " cannot be reached: " + cause
                    + " (check moodle.db.url, that the server runs and accepts connections from this host)");
        }
        if ("42P01".equals(state) || "42S02".equals(state) || vendor == 1146) {
            return failure("MOODLE_DB_TABLE_MISSING", "a Moodle table is missing: " + cause + " (check moodle.db.prefix,"
                    + " now '" + prefix + "', and that moodle.db.url names Moodle's database)");
        }
        if ("42703".equals(state) || "42S22".equals(state) || vendor == 1054) {
            return failure("MOODLE_DB_COLUMN_MISSING", "a column of a Moodle table is missing: " + cause
                    + " (this Moodle version's schema differs from the one the query reads: Moodle 3.x to 4.5 are known)");
        }
        if ("42501".equals(state) || vendor == 1142 || vendor == 1143 || vendor == 1044) {
            return failure("MOODLE_DB_PERMISSION_DENIED", "the Moodle database account '" + username + "' may not read: "
                    + cause + " (grant it SELECT on the tables listed in the README, 'The Moodle database source')");
        }
        return failure("MOODLE_DB_QUERY_FAILED", "the query on the Moodle database failed: " + cause
                + (state.isEmpty() ? "" : " (SQLSTATE " + state + ")"));
    }

    private static MoodleDatabaseException failure(String code, String text) {
        return new MoodleDatabaseException(code, Secrets.redact(text));
    }

    private static Throwable root(Throwable t) {
        Throwable r = t;
        while (r != null && r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        return r;
    }

    static String firstLine(Throwable t) {
        String m = t == null ? "" : t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        String line = m.strip().split("\\R", 2)[0];
        return Secrets.redact(line.length() > 300 ? line.substring(0, 300) + "…" : line);
    }
}
