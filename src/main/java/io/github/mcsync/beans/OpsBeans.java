package io.github.mcsync.beans;

import io.github.mcsync.Settings;
import io.github.mcsync.cluster.PollerRole;
import io.github.mcsync.observe.FeedStalledCheck;
import io.github.mcsync.deadletter.DeadLetterDiscard;
import io.github.mcsync.deadletter.DeadLetterStore;
import io.github.mcsync.enrolment.CourseLinker;
import io.github.mcsync.failure.FailureClassifier;
import io.github.mcsync.coursesales.MetadataCache;
import io.github.mcsync.feed.CourseSalesGate;
import io.github.mcsync.feed.FeedControl;
import io.github.mcsync.ops.Preflight;
import io.github.mcsync.ops.Preview;
import io.github.mcsync.enrolment.identity.IdentityAssignments;
import io.github.mcsync.validation.Checklist;
import io.github.mcsync.ops.CrossSiteRequests;
import io.github.mcsync.ops.DeadLetterViews;
import io.github.mcsync.ops.OpsAnswers;
import io.github.mcsync.ops.OpsAuthentication;
import io.github.mcsync.ops.OpsConsole;
import io.github.mcsync.ops.OpsResponseHeaders;
import io.github.mcsync.ops.RunHistory;
import io.github.mcsync.ops.StatusReport;
import io.github.mcsync.feed.PollHealth;
import io.github.mcsync.state.Deliveries;
import io.github.mcsync.state.InFlight;
import io.github.mcsync.state.PollHistory;
import java.time.Clock;
import javax.sql.DataSource;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;

/**
 * The ops HTTP API's beans (routes/ops-api.camel.yaml; ops.* properties), the ops console's (routes/ops-console.camel.yaml)
 * and the preflight checklist.
 */
public final class OpsBeans implements CamelConfiguration {

    @BindToRegistry
    public Preflight preflight(Settings s, Checklist checklist, CourseLinker courseLinker,
                               FailureClassifier failureClassifier, FeedControl feedControl,
                               MetadataCache metadataCache, Clock clock, CourseSalesGate courseSalesGate) {
        return new Preflight(checklist, courseLinker, failureClassifier, feedControl, s.get("coursesales.username"),
                metadataCache, clock, s.duration("ops.preflight.max-age"), courseSalesGate);
    }

    /** The preview's verdicts (routes/preview.camel.yaml; GET /api/preview, java -jar ... preview). */
    @BindToRegistry
    public Preview preview(FeedControl feedControl, DeadLetterStore deadLetterStore, Deliveries deliveries,
                           InFlight inFlight, FailureClassifier failureClassifier, IdentityAssignments identityAssignments,
                           Clock clock) {
        return new Preview(feedControl, deadLetterStore, deliveries, inFlight, failureClassifier, identityAssignments, clock);
    }

    @BindToRegistry
    public DeadLetterViews deadLetterViews(@BeanInject("stateDataSource") DataSource stateDataSource,
                                           DeadLetterStore deadLetterStore, Deliveries deliveries) {
        return new DeadLetterViews(deadLetterStore, new DeadLetterDiscard(stateDataSource, deadLetterStore, deliveries),
                Json.MAPPER);
    }

    @BindToRegistry
    public StatusReport statusReport(FeedControl feedControl, InFlight inFlight, DeadLetterStore deadLetterStore,
                                     FeedStalledCheck feedStalledCheck, PollerRole pollerRole, PollHealth pollHealth) {
        return new StatusReport(feedControl, inFlight, deadLetterStore, feedStalledCheck, pollerRole, pollHealth);
    }

    @BindToRegistry
    public OpsAuthentication opsAuthentication(Settings s, Clock clock) {
        OpsAuthentication authentication = new OpsAuthentication(s.get("ops.username"), s.optionalSecret("ops.password"),
                clock, s.getInt("ops.login.max-failures"), s.duration("ops.login.window"), s.duration("ops.login.lockout"));
        if (s.flag("camel.server.enabled")) {
            authentication.warnIfClosed();
        }
        return authentication;
    }

    /** The ops console's run history (GET /api/polls). */
    @BindToRegistry
    public RunHistory runHistory(PollHistory pollHistory) {
        return new RunHistory(pollHistory);
    }

    /** The ops console's files, served under /ops/ (routes/ops-console.camel.yaml). */
    @BindToRegistry
    public OpsConsole opsConsole() {
        return new OpsConsole();
    }

    /** Refuses cross-site POSTs (routes/ops-api.camel.yaml). */
    @BindToRegistry
    public CrossSiteRequests crossSiteRequests() {
        return new CrossSiteRequests();
    }

    /** The only headers an ops API answer carries (the platform-http endpoints' header filter strategy). */
    @BindToRegistry
    public OpsResponseHeaders opsResponseHeaders() {
        return new OpsResponseHeaders();
    }

    @BindToRegistry
    public OpsAnswers opsAnswers() {
        return new OpsAnswers();
    }
}
