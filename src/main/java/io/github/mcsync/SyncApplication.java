package io.github.mcsync;

import io.github.mcsync.beans.ClusterBeans;
import io.github.mcsync.beans.CoreBeans;
import io.github.mcsync.beans.CourseSalesBeans;
import io.github.mcsync.beans.FeedBeans;
import io.github.mcsync.beans.MoodleBeans;
import io.github.mcsync.beans.MoodleDbBeans;
import io.github.mcsync.beans.ObserveBeans;
import io.github.mcsync.beans.OpsBeans;
import io.github.mcsync.beans.SendBeans;
import io.github.mcsync.beans.StateBeans;
import io.github.mcsync.beans.ValidationBeans;
import io.github.mcsync.feed.FeedControl;
import io.github.mcsync.feed.PollRun;
import io.github.mcsync.ops.PreflightReport;
import io.github.mcsync.ops.PreviewReport;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.main.Main;

/**
 * The Camel Main that runs the bundle: application.properties (plus application-PROFILE.properties), the
 * beans of the configuration classes in {@code beans/}, and the route files that
 * {@code camel.main.routes-include-pattern} names (see application.properties: the jar's routes by default,
 * a mounted folder with {@code routes.location=file:/app/routes}, hot reload in development), and properties files
 * mounted on disk over them (Camel K's /etc/camel/conf.d: {@link ConfigurationFiles}).
 */
public final class SyncApplication {
    private final Main main;

    public SyncApplication(String profile, Map<String, String> overrides) {
        this(profile, overrides, ConfigurationFiles.fromEnvironment());
    }

    /**
     * @param files properties files read over the jar's application.properties (Camel K's conf.d mounts, see
     *              {@link ConfigurationFiles})
     */
    public SyncApplication(String profile, Map<String, String> overrides, ConfigurationFiles files) {
        main = new Main(); // no package scan: the beans come from the configuration classes below, once
        String locations = files.propertyLocations();
        if (locations != null) {
            main.setPropertyPlaceholderLocations(locations);
        }
        if (profile != null && !profile.isBlank()) {
            main.configure().setProfile(profile); // adds application-PROFILE.properties over application.properties
        }
        overrides.forEach(main::addOverrideProperty);
        // in dependency order: a class's beans use the beans of the classes before it, and of their own class only
        // beans that depend on nothing in it (Camel orders the methods of one class in those two levels only)
        main.configure().addConfiguration(new CoreBeans());
        main.configure().addConfiguration(new StateBeans());
        main.configure().addConfiguration(new MoodleBeans());
        main.configure().addConfiguration(new CourseSalesBeans());
        main.configure().addConfiguration(new FeedBeans());
        main.configure().addConfiguration(new MoodleDbBeans());
        main.configure().addConfiguration(new ValidationBeans());
        main.configure().addConfiguration(new SendBeans());
        main.configure().addConfiguration(new ClusterBeans());
        main.configure().addConfiguration(new ObserveBeans());
        main.configure().addConfiguration(new OpsBeans());
        // SIGTERM (a rollout, docker stop) or the end of a run: Camel's graceful shutdown waits for the poll in
        // progress, so that poll first takes no further record (Camel Main runs this before it stops the context)
        main.getShutdownStrategy().addShutdownListener(this::stopTakingRecords);
    }

    private void stopTakingRecords() {
        CamelContext context = main.getCamelContext();
        FeedControl feed = context == null ? null
                : context.getRegistry().lookupByNameAndType("feedControl", FeedControl.class);
        if (feed != null) {
            feed.stopping("the process is stopping");
        }
    }

    public Main main() {
        return main;
    }

    public void start() throws Exception {
        main.start();
    }

    public void stop() throws Exception {
        main.stop();
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    /** Runs one poll now (the --once mode, tests and the demo) and returns its figures. */
    public PollRun pollOnce() {
        context().createProducerTemplate().sendBody("direct:pollMoodle", null);
        return context().getRegistry().lookupByNameAndType("feedControl", FeedControl.class).lastPoll();
    }

    /** Runs the preflight checklist against the live systems, with CourseSales metadata fetched fresh (once). */
    public PreflightReport preflight() {
        Exchange done = context().createProducerTemplate().send("direct:preflight",
                e -> e.setProperty(ExchangeNames.PREFLIGHT_FRESH, true));
        if (done.getException() != null) {
            throw new CamelExecutionException("preflight failed", done, done.getException());
        }
        return done.getMessage().getBody(PreflightReport.class);
    }

    /**
     * Runs the preview (a dry run of the next poll: nothing sent, no state written) and answers its report; the
     * CourseSales metadata comes from the cache or one fetch through the login gate.
     */
    public PreviewReport preview() {
        Exchange done = context().createProducerTemplate().send("direct:preview", e -> { });
        if (done.getException() != null) {
            throw new CamelExecutionException("preview failed", done, done.getException());
        }
        return done.getMessage().getBody(PreviewReport.class);
    }

    /** Runs until the JVM is asked to stop. */
    public void run() throws Exception {
        main.run();
    }
}
