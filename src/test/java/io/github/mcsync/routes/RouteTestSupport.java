package io.github.mcsync.routes;

import io.github.mcsync.SyncHarness;
import io.github.mcsync.beans.ClusterBeans;
import io.github.mcsync.beans.CoreBeans;
import io.github.mcsync.beans.ObserveBeans;
import io.github.mcsync.beans.CourseSalesBeans;
import io.github.mcsync.beans.FeedBeans;
import io.github.mcsync.beans.MoodleBeans;
import io.github.mcsync.beans.MoodleDbBeans;
import io.github.mcsync.beans.OpsBeans;
import io.github.mcsync.beans.SendBeans;
import io.github.mcsync.beans.StateBeans;
import io.github.mcsync.beans.ValidationBeans;
import io.github.mcsync.demo.coursesales.CourseSalesDemoData;
import io.github.mcsync.enrolment.Enrolment;
import io.github.mcsync.feed.FeedControl;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Route-level tests in Camel's own style (camel-test-main-junit5, as apache/camel-examples main-yaml and main-health
 * test theirs): Camel Main with the real application.properties, the real route files of routes/ and the real beans
 * of the configuration classes, in a fresh context per test with its own in-memory state database. Properties are
 * overridden as a deployment would set them; no poll is scheduled and no ops API is served. A record enters where a
 * poll hands it on ({@code direct:acceptEnrolment}); tests look with NotifyBuilder, mock endpoints and AdviceWith.
 */
abstract class RouteTestSupport extends CamelMainTestSupport {

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        // in dependency order, as SyncApplication adds them
        configuration.addConfiguration(new CoreBeans());
        configuration.addConfiguration(new StateBeans());
        configuration.addConfiguration(new MoodleBeans());
        configuration.addConfiguration(new CourseSalesBeans());
        configuration.addConfiguration(new FeedBeans());
        configuration.addConfiguration(new MoodleDbBeans());
        configuration.addConfiguration(new ValidationBeans());
        configuration.addConfiguration(new SendBeans());
        configuration.addConfiguration(new ClusterBeans());
        configuration.addConfiguration(new ObserveBeans());
        configuration.addConfiguration(new OpsBeans());
    }

    @Override
    public void configureContext(CamelContextConfiguration camelContextConfiguration) {
        super.configureContext(camelContextConfiguration);
        Properties p = new Properties();
        p.putAll(SyncHarness.DEMO_MAPPING);
        p.putAll(Map.of(
                "moodle.url", "http://127.0.0.1:9", // never called: records enter after the Moodle source
                "moodle.token", "route-test-token-never-used",
                "moodle.poll.enabled", "false",
                "coursesales.url", courseSalesUrl(),
                "coursesales.username", CourseSalesDemoData.USERNAME,
                "coursesales.password", CourseSalesDemoData.PASSWORD,
                "coursesales.contact-form-id", Integer.toString(CourseSalesDemoData.CONTACT_FORM_ID),
                "state.jdbc-url", "jdbc:h2:mem:route-test-" + UUID.randomUUID(),
                "camel.server.enabled", "false",
                "camel.main.routes-exclude-pattern", "**/ops-api.camel.*"));
        p.putAll(Map.of("coursesales.retry.initial-delay-ms", "5", "coursesales.retry.max-delay-ms", "10"));
        p.putAll(properties());
        camelContextConfiguration.withUseOverridePropertiesWithPropertiesComponent(p);
    }

    /** The CourseSales endpoint the routes call. */
    protected abstract String courseSalesUrl();

    /** Properties of this test on top of the common ones. */
    protected Map<String, String> properties() {
        return Map.of();
    }

    /** Hands a record to the flow as a poll does, in a poll of its own; answers the exchange after the flow. */
    protected Exchange accept(Enrolment e) {
        Exchange exchange = new DefaultExchange(context);
        exchange.setProperty("pollRun", feed().startPoll());
        exchange.getMessage().setBody(e);
        return template.send("direct:acceptEnrolment", exchange);
    }

    /** Hands several records on as one poll does (the feed is asked before each whether it still runs). */
    protected void acceptAll(Enrolment... enrolments) {
        Exchange exchange = new DefaultExchange(context);
        exchange.setProperty("pollRun", feed().startPoll());
        exchange.getMessage().setBody(List.of(enrolments));
        template.send("direct:processEnrolments", exchange);
    }

    protected FeedControl feed() {
        return context.getRegistry().lookupByNameAndType("feedControl", FeedControl.class);
    }

    protected JdbcTemplate state() {
        return new JdbcTemplate(context.getRegistry().lookupByNameAndType("stateDataSource", DataSource.class));
    }

    protected List<Map<String, Object>> deadLetters() {
        return state().queryForList("SELECT * FROM dead_letter ORDER BY id");
    }

    /** A PHYS101 student as the Moodle sources give one; {@code timeStart} only where the source knows it (database). */
    static Enrolment student(long userId, String firstName, String city, Long timeStart) {
        return new Enrolment(userId, "user" + userId, firstName, "Student", "user" + userId + "@example.com", null, null,
                null, null, null, city, null, Map.of(), 2, "PHYS101", "Introduction to Physics", "PHYS101-2026", 4, null,
                List.of("student"), null, timeStart, "ws", null);
    }
}
