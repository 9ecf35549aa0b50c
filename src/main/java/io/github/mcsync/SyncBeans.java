package io.github.mcsync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.github.mcsync.coursesales.CourseSalesEndpoint;
import io.github.mcsync.coursesales.CourseSalesRequests;
import io.github.mcsync.coursesales.FailureClassifier;
import io.github.mcsync.coursesales.MetadataCache;
import io.github.mcsync.coursesales.SoapMetadata;
import io.github.mcsync.deadletter.DeadLetterDiscard;
import io.github.mcsync.deadletter.DeadLetterReplay;
import io.github.mcsync.deadletter.DeadLetterStore;
import io.github.mcsync.deadletter.DeadLetterWriter;
import io.github.mcsync.enrolment.CourseLinker;
import io.github.mcsync.enrolment.FieldMapping;
import io.github.mcsync.enrolment.RegistrationMapper;
import io.github.mcsync.enrolment.identity.ClientIdentifiers;
import io.github.mcsync.enrolment.identity.IdentityAssignments;
import io.github.mcsync.enrolment.identity.IdentityStrategy;
import io.github.mcsync.validation.ConfigurationCheck;
import io.github.mcsync.validation.RecordCheck;
import io.github.mcsync.validation.RegistrationFactory;
import io.github.mcsync.feed.Baseline;
import io.github.mcsync.feed.DeliveryRecorder;
import io.github.mcsync.feed.FeedControl;
import io.github.mcsync.feed.FeedHealthCheck;
import io.github.mcsync.feed.PollReport;
import io.github.mcsync.moodle.CourseWatchList;
import io.github.mcsync.moodle.EnrolmentPages;
import io.github.mcsync.moodle.MoodleRequests;
import io.github.mcsync.moodle.MoodleResponses;
import io.github.mcsync.ops.Preflight;
import io.github.mcsync.ops.DeadLetterViews;
import io.github.mcsync.ops.OpsAnswers;
import io.github.mcsync.ops.OpsAuthentication;
import io.github.mcsync.ops.StatusReport;
import io.github.mcsync.state.Deliveries;
import io.github.mcsync.state.HaltStore;
import io.github.mcsync.state.InFlight;
import io.github.mcsync.state.RefusedSubmissions;
import io.github.mcsync.state.SourceState;
import io.github.mcsync.state.StateDatabase;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.model.Model;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.spi.Registry;

/**
 * Binds the beans the routes use, from the configuration contract. Java holds pure rules and thin
 * adapters; the flow is in routes/. The state database is migrated here, before any route starts.
 */
public final class SyncBeans implements CamelConfiguration {
    public static final String PROCESSOR_NAME = "moodleToCourseSales";

    @Override
    public void configure(CamelContext context) throws Exception {
        Settings s = new Settings(context);
        Registry r = context.getRegistry();
        Clock clock = Clock.systemUTC();
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();

        // state database
        HikariDataSource ds = StateDatabase.open(s.get("state.jdbc-url"), s.optional("state.username").orElse(null),
                s.optionalSecret("state.password").orElse(null));
        context.addService(new org.apache.camel.Service() {
            @Override
            public void start() {
            }

            @Override
            public void stop() {
                ds.close();
            }
        });
        r.bind("stateDataSource", ds);
        JdbcMessageIdRepository processedKeys = new JdbcMessageIdRepository(ds, PROCESSOR_NAME);
        processedKeys.setCreateTableIfNotExists(false);
        r.bind("processedKeys", processedKeys);
        InFlight inFlight = new InFlight(ds, clock);
        DeadLetterStore deadLetters = new DeadLetterStore(ds, json, clock);
        Deliveries deliveries = new Deliveries(ds, PROCESSOR_NAME, clock, deadLetters);
        FailureClassifier classifier = new FailureClassifier();
        r.bind("deliveries", deliveries);
        r.bind("inFlight", inFlight);
        RefusedSubmissions refusedSubmissions = new RefusedSubmissions(inFlight);
        r.bind("refusedSubmissions", refusedSubmissions);
        r.bind("deadLetterStore", deadLetters);
        r.bind("failureClassifier", classifier);
        r.bind("deadLetterWriter", new DeadLetterWriter(deadLetters, classifier, refusedSubmissions));
        r.bind("deliveryRecorder", new DeliveryRecorder(deliveries));
        FeedControl feed = new FeedControl(clock, new HaltStore(ds, clock,
                List.of(s.get("coursesales.url"), s.get("coursesales.username"), s.secret("coursesales.password")),
                List.of(s.get("moodle.url"), s.secret("moodle.token"))));
        r.bind("feedControl", feed);
        r.bind("pollReport", new PollReport(feed, classifier));
        r.bind("baseline", new Baseline(s.get("moodle.start"), new SourceState(ds, clock), deliveries));
        r.bind("feedHealthCheck", new FeedHealthCheck(feed));

        // Moodle
        List<Long> courses = CourseWatchList.parse(s.optional("moodle.courses").orElse(""));
        r.bind("moodleRequests", new MoodleRequests(s.secret("moodle.token"), s.getInt("moodle.page-size"), courses));
        r.bind("moodleResponses", new MoodleResponses());
        r.bind("courseWatchList", new CourseWatchList(courses));
        Set<String> roles = Arrays.stream(s.get("moodle.roles").split(",")).map(String::strip)
                .filter(x -> !x.isEmpty()).collect(Collectors.toUnmodifiableSet());
        r.bind("enrolmentPages", new EnrolmentPages(roles, s.getInt("moodle.page-size")));

        // CourseSales
        r.bind("courseSales", CourseSalesEndpoint.create(context, s.get("coursesales.url"),
                s.duration("coursesales.connect-timeout"), s.duration("coursesales.receive-timeout")));
        r.bind("courseSalesRequests", new CourseSalesRequests(s.get("coursesales.username"), s.secret("coursesales.password")));
        r.bind("metadataCache", new MetadataCache(clock, s.duration("coursesales.metadata.ttl")));
        r.bind("soapMetadata", new SoapMetadata(clock));

        // validation and identity
        FieldMapping mapping = fieldMapping(s);
        IdentityStrategy strategy = IdentityStrategy.parse(s.optional("identity.strategy").orElse(null));
        ConfigurationCheck configurationCheck = new ConfigurationCheck(mapping, strategy);
        RecordCheck recordCheck = new RecordCheck();
        CourseLinker linker = new CourseLinker(s.get("moodle.offer-code-field"));
        r.bind("courseLinker", linker);
        r.bind("configurationCheck", configurationCheck);
        r.bind("recordCheck", recordCheck);
        r.bind("preflight", new Preflight(configurationCheck, linker, recordCheck, classifier, feed,
                s.get("coursesales.username")));
        r.bind("registrationFactory", new RegistrationFactory(new RegistrationMapper(mapping),
                new ClientIdentifiers(strategy, new IdentityAssignments(ds, clock))));

        // dead-letter replay and discard, the ops API (routes/replay.camel.yaml, routes/ops-api.camel.yaml)
        boolean serving = Boolean.parseBoolean(s.optional("camel.server.enabled").orElse("false"));
        if (serving) {
            // replays interrupted by a stop of the service; a one-off run (--once, preflight, resume) beside a
            // running service must not touch that service's replays in progress
            deadLetters.reopenInterruptedReplays();
        }
        r.bind("deadLetterReplay", new DeadLetterReplay(deadLetters, deliveries, feed));
        r.bind("deadLetterViews", new DeadLetterViews(deadLetters, new DeadLetterDiscard(ds, deadLetters, deliveries), json));
        r.bind("statusReport", new StatusReport(feed, inFlight, deadLetters));
        OpsAuthentication opsAuthentication = new OpsAuthentication(s.get("ops.username"), s.optionalSecret("ops.password"));
        r.bind("opsAuthentication", opsAuthentication);
        r.bind("opsAnswers", new OpsAnswers());
        if (serving) {
            opsAuthentication.warnIfClosed();
        } else {
            // no HTTP server (camel.server.enabled=false, e.g. the benchmark): no ops API, its REST routes are left out
            context.getCamelContextExtension().getContextPlugin(Model.class).setRouteFilterPattern(null, "rest*");
        }
    }

    static FieldMapping fieldMapping(Settings s) {
        return new FieldMapping(s.getInt("coursesales.form-id"), s.getInt("coursesales.process-id"),
                s.optionalInt("coursesales.contact-form-id"),
                s.optionalInt("coursesales.field.first-name"), s.optionalInt("coursesales.field.last-name"),
                s.optionalInt("coursesales.field.email"), s.optionalInt("coursesales.field.phone"),
                s.optionalInt("coursesales.field.mobile"), s.optionalInt("coursesales.field.moodle-id"),
                s.optionalInt("coursesales.field.client-id"), s.optionalInt("coursesales.field.usi"),
                s.optional("moodle.usi-field").orElse(null));
    }

}
