package io.github.mcsync;

import io.github.mcsync.demo.coursesales.CourseSalesDemoData;
import io.github.mcsync.demo.coursesales.CourseSalesSimulator;
import io.github.mcsync.demo.moodle.MoodleSimulator;
import io.github.mcsync.feed.PollRun;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The real bundle (route files from routes/, the beans, Camel Main) between a Moodle simulator (HTTP) and a
 * CourseSales simulator (SOAP over HTTP), with its own state database file. Tests drive polls and look at
 * what arrived where.
 */
public final class SyncHarness implements AutoCloseable {
    /** The demo licence's form, process and FieldIds (application-demo.properties sets the same). */
    public static final Map<String, String> DEMO_MAPPING = Map.of(
            "coursesales.form-id", "12", "coursesales.process-id", "7",
            "coursesales.field.first-name", "101", "coursesales.field.last-name", "102",
            "coursesales.field.email", "103", "coursesales.field.phone", "104",
            "coursesales.field.mobile", "105", "coursesales.field.moodle-id", "106");

    /** The ops API password of every harness (ops.username is the default, "ops"). */
    public static final String OPS_PASSWORD = "harness-ops-5be81d";
    public final MoodleSimulator moodle;
    public final CourseSalesSimulator courseSales;
    private final Map<String, String> properties = new HashMap<>();
    private final Map<String, Object> beans = new HashMap<>();
    private SyncApplication app;

    public SyncHarness(Path stateDir) {
        this(stateDir, MoodleSimulator.withFixtureData().start(0), CourseSalesSimulator.withDemoData().start(0));
    }

    public SyncHarness(Path stateDir, MoodleSimulator moodle, CourseSalesSimulator courseSales) {
        this.moodle = moodle;
        this.courseSales = courseSales;
        properties.put("moodle.url", moodle.baseUrl());
        properties.put("moodle.token", MoodleSimulator.DEMO_TOKEN);
        properties.put("moodle.poll.enabled", "false");
        properties.put("moodle.start", "all");
        properties.put("moodle.response-timeout-ms", "3000");
        properties.put("coursesales.url", courseSales.url());
        properties.put("coursesales.username", CourseSalesDemoData.USERNAME);
        properties.put("coursesales.password", CourseSalesDemoData.PASSWORD);
        properties.put("coursesales.contact-form-id", Integer.toString(CourseSalesDemoData.CONTACT_FORM_ID));
        properties.putAll(DEMO_MAPPING);
        properties.put("coursesales.receive-timeout", "3s");
        properties.put("coursesales.retry.initial-delay-ms", "10");
        properties.put("coursesales.retry.max-delay-ms", "40");
        properties.put("state.jdbc-url", "jdbc:h2:file:" + stateDir.resolve("state").toAbsolutePath());
        properties.put("ops.port", Integer.toString(FreePorts.next()));
        properties.put("camel.management.port", Integer.toString(FreePorts.next()));
        properties.put("ops.password", OPS_PASSWORD);
    }

    /** Sets a property for the next {@link #start()}. */
    public SyncHarness with(String key, String value) {
        properties.put(key, value);
        return this;
    }

    /** Leaves a property out of the next {@link #start()} (application.properties' value, if any, applies). */
    public SyncHarness without(String key) {
        properties.remove(key);
        return this;
    }

    /** Binds a bean into the registry of the next {@link #start()} (test instruments, e.g. an InterceptStrategy). */
    public SyncHarness bind(String name, Object bean) {
        beans.put(name, bean);
        return this;
    }

    /** The properties the next {@link #start()} uses (e.g. to run SyncMain beside this harness). */
    public Map<String, String> properties() {
        return Map.copyOf(properties);
    }

    public SyncHarness start() throws Exception {
        app = new SyncApplication(null, properties);
        beans.forEach(app.main()::bind);
        app.start();
        return this;
    }

    public PollRun poll() {
        return app.pollOnce();
    }

    public SyncHarness restart() throws Exception {
        app.stop();
        return start();
    }

    /** The ops API's base URL, e.g. http://127.0.0.1:41234 (the paths start with /api). */
    public String opsUrl() {
        return "http://127.0.0.1:" + properties.get("ops.port");
    }

    /** Camel's management server's base URL (/observe/health, /observe/metrics). */
    public String managementUrl() {
        return "http://127.0.0.1:" + properties.get("camel.management.port");
    }

    public SyncApplication app() {
        return app;
    }

    public JdbcTemplate state() {
        return new JdbcTemplate(app.context().getRegistry().lookupByNameAndType("stateDataSource", DataSource.class));
    }

    public List<String> doneKeys() {
        return state().queryForList("SELECT messageId FROM CAMEL_MESSAGEPROCESSED ORDER BY messageId", String.class);
    }

    public List<Map<String, Object>> deadLetters() {
        return state().queryForList("SELECT * FROM dead_letter ORDER BY id");
    }

    @Override
    public void close() throws Exception {
        if (app != null) {
            app.stop();
        }
        moodle.stop();
        courseSales.stop();
    }
}
