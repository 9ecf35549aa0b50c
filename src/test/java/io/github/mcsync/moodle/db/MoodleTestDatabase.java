package io.github.mcsync.moodle.db;

import io.github.mcsync.Fixtures;
import io.github.mcsync.deadletter.StoreDatabases;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A real Moodle database for the database source's tests: Moodle 4.5's tables (moodle-db/postgresql.sql from the
 * fixtures' pg_dump, moodle-db/mariadb.sql after install.xml's types) with the fixtures' rows (moodle-db/*.csv, the
 * live Moodle's COPY snapshots). Enrolment times are moved so the fixtures' "now" (1795431504) is the clock's now: a
 * not-yet-started enrolment is still in the future whenever the tests run. PostgreSQL: a new schema (embedded
 * PostgreSQL, else the service on 127.0.0.1:5432); MariaDB: a new database on 127.0.0.1:3306 (root, no password).
 */
public final class MoodleTestDatabase {
    /** The fixtures' reference "now" (NOTES.txt), 2026-11-23T10:58:24Z. */
    public static final long FIXTURE_NOW = 1795431504L;
    private static final String MARIADB_SERVER = "jdbc:mariadb://127.0.0.1:3306/";
    private static final List<String> TABLES = List.of("mdl_course", "mdl_enrol", "mdl_user", "mdl_user_enrolments",
            "mdl_context", "mdl_role", "mdl_role_assignments", "mdl_user_info_data", "mdl_user_info_field");
    private static final Set<String> SHIFTED = Set.of("timestart", "timeend", "timecreated", "timemodified");

    public final String kind;
    /** The JDBC URL the bundle is given (moodle.db.url), and the admin login the tests write with. */
    public final String url;
    public final String adminUser;
    public final String schema;
    public final JdbcTemplate admin;
    public final long shift;

    private MoodleTestDatabase(String kind, String url, String adminUser, String schema) {
        this.kind = kind;
        this.url = url;
        this.adminUser = adminUser;
        this.schema = schema;
        DriverManagerDataSource ds = new DriverManagerDataSource(url, adminUser, "");
        this.admin = new JdbcTemplate(ds);
        this.shift = Clock.systemUTC().instant().getEpochSecond() - FIXTURE_NOW;
    }

    public boolean isPostgres() {
        return "postgresql".equals(kind);
    }

    /** A new PostgreSQL schema with Moodle's tables; null when there is no PostgreSQL here. */
    public static MoodleTestDatabase postgres() throws SQLException {
        String url = StoreDatabases.postgresSchemaUrl();
        if (url == null) {
            return null;
        }
        String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        MoodleTestDatabase db = new MoodleTestDatabase("postgresql", url, "postgres", schema);
        db.run(new String(Fixtures.bytes("moodle-db/postgresql.sql"), StandardCharsets.UTF_8));
        db.reload();
        return db;
    }

    /** Why there is no MariaDB here, or null when 127.0.0.1:3306 answers. */
    public static String whyNoMariaDb() {
        try (Connection c = DriverManager.getConnection(MARIADB_SERVER, "root", "")) {
            return null;
        } catch (SQLException e) {
            return "MariaDB at 127.0.0.1:3306 (root, no password) is unreachable: " + e.getMessage();
        }
    }

    /** A new MariaDB database with Moodle's tables. */
    public static MoodleTestDatabase mariadb() throws SQLException {
        String name = "moodle_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(MARIADB_SERVER, "root", ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        MoodleTestDatabase db = new MoodleTestDatabase("mariadb", MARIADB_SERVER + name, "root", name);
        db.run(new String(Fixtures.bytes("moodle-db/mariadb.sql"), StandardCharsets.UTF_8));
        db.reload();
        return db;
    }

    /** Drops the MariaDB database (a PostgreSQL schema goes with the embedded server or stays in the test database). */
    public void drop() {
        if (!isPostgres()) {
            admin.execute("DROP DATABASE " + schema);
        }
    }

    /** Empties every table and loads the fixtures' rows again. */
    public void reload() {
        for (String t : TABLES) {
            admin.execute("DELETE FROM " + t);
        }
        for (String t : TABLES) {
            load(t);
        }
        if (isPostgres()) {
            for (String t : TABLES) {
                admin.execute("SELECT setval('" + t + "_id_seq', (SELECT COALESCE(MAX(id), 0) + 1000 FROM " + t + "))");
            }
        }
    }

    /** A statement of the test's own (schema changes, grants) on the admin login. */
    public void run(String sql) {
        for (String statement : sql.split(";\\s*\\n")) {
            String s = statement.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b).strip();
            if (!s.isEmpty()) {
                admin.execute(s);
            }
        }
    }

    /** The clock's epoch seconds for a fixture time (0 stays 0: "no start", "no end"). */
    public long now() {
        return FIXTURE_NOW + shift;
    }

    /** Inserts a row into a Moodle table (column to value); answers its id. */
    public long insert(String table, Map<String, Object> values) {
        List<String> cols = new ArrayList<>(values.keySet());
        String sql = "INSERT INTO " + table + " (" + String.join(", ", cols) + ") VALUES ("
                + String.join(", ", cols.stream().map(c -> "?").toList()) + ")";
        admin.update(sql, cols.stream().map(values::get).toArray());
        Object id = values.get("id");
        return id == null ? admin.queryForObject("SELECT MAX(id) FROM " + table, Long.class) : ((Number) id).longValue();
    }

    private void load(String table) {
        List<List<Cell>> rows = Csv.parse(new String(Fixtures.bytes("moodle-db/" + table + ".csv"), StandardCharsets.UTF_8));
        List<Cell> header = rows.get(0);
        List<String> cols = header.stream().map(c -> c.text).toList();
        String sql = "INSERT INTO " + table + " (" + String.join(", ", cols) + ") VALUES ("
                + String.join(", ", cols.stream().map(c -> "?").toList()) + ")";
        List<Object[]> batch = new ArrayList<>();
        for (List<Cell> row : rows.subList(1, rows.size())) {
            Object[] values = new Object[cols.size()];
            for (int i = 0; i < cols.size(); i++) {
                Cell cell = row.get(i);
                String value = cell.quoted || !cell.text.isEmpty() ? cell.text : null; // COPY CSV: unquoted empty = NULL
                if (value != null && "mdl_user_enrolments".equals(table) && SHIFTED.contains(cols.get(i))
                        && !"0".equals(value)) {
                    value = Long.toString(Long.parseLong(value) + shift);
                }
                values[i] = value;
            }
            batch.add(values);
        }
        if (isPostgres()) {
            Map<String, String> types = new java.util.HashMap<>(); // PostgreSQL does not cast text parameters to numbers
            admin.query("SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = ?"
                    + " AND table_name = ?", rs -> {
                        types.put(rs.getString(1), rs.getString(2));
                    }, schema, table);
            batch.replaceAll(v -> typed(types, cols, v));
        }
        admin.batchUpdate(sql, batch);
    }

    /** Converts the CSV's text values into the column types of PostgreSQL's table. */
    private static Object[] typed(Map<String, String> types, List<String> cols, Object[] values) {
        Object[] out = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            String type = types.get(cols.get(i));
            Object v = values[i];
            if (v != null && type != null && (type.equals("bigint") || type.equals("integer") || type.equals("smallint"))) {
                out[i] = Long.valueOf((String) v);
            } else if (v != null && type != null && type.equals("numeric")) {
                out[i] = new java.math.BigDecimal((String) v);
            } else {
                out[i] = v;
            }
        }
        return out;
    }

    record Cell(String text, boolean quoted) {
    }

    /** PostgreSQL COPY CSV: "" quotes, doubled quotes inside; a quoted empty field is '', an unquoted one NULL. */
    static final class Csv {
        static List<List<Cell>> parse(String text) {
            List<List<Cell>> rows = new ArrayList<>();
            List<Cell> row = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean inQuotes = false;
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (inQuotes) {
                    if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else if (ch == '"') {
                        inQuotes = false;
                    } else {
                        cur.append(ch);
                    }
                } else if (ch == '"') {
                    inQuotes = true;
                    quoted = true;
                } else if (ch == ',') {
                    row.add(new Cell(cur.toString(), quoted));
                    cur.setLength(0);
                    quoted = false;
                } else if (ch == '\n') {
                    row.add(new Cell(cur.toString(), quoted));
                    rows.add(row);
                    row = new ArrayList<>();
                    cur.setLength(0);
                    quoted = false;
                } else if (ch != '\r') {
                    cur.append(ch);
                }
            }
            if (cur.length() > 0 || !row.isEmpty()) {
                row.add(new Cell(cur.toString(), quoted));
                rows.add(row);
            }
            return rows;
        }
    }
}
