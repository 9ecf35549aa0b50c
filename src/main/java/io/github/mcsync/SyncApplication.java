package io.github.mcsync;

import io.github.mcsync.feed.FeedControl;
import io.github.mcsync.feed.PollRun;
import io.github.mcsync.ops.PreflightReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/**
 * Builds the Camel Main that runs the bundle: application.properties (plus application-PROFILE.properties),
 * the beans of {@link SyncBeans}, and the route files, read from {@code routes/} on disk when that folder
 * exists beside the working directory (so an integration team edits a route without rebuilding), else
 * from the jar. YAML is the main DSL; XML route files ({@code *.camel.xml}) load too.
 */
public final class SyncApplication {
    public static final String ROUTES_DIR = "sync.routes.dir";

    private final Main main;

    public SyncApplication(String profile, Map<String, String> overrides) {
        main = new Main(); // no package scan: the beans come from SyncBeans only, once
        if (profile != null && !profile.isBlank()) {
            main.configure().setProfile(profile); // adds application-PROFILE.properties over application.properties
        }
        overrides.forEach(main::addOverrideProperty);
        String dir = overrides.getOrDefault(ROUTES_DIR, System.getProperty(ROUTES_DIR, "routes"));
        main.configure().withRoutesIncludePattern(routesPattern(Path.of(dir)));
        main.configure().addConfiguration(new SyncBeans());
    }

    static String routesPattern(Path dir) {
        if (Files.isDirectory(dir)) {
            String d = "file:" + dir.toAbsolutePath().normalize().toString().replace('\\', '/');
            return d + "/*.camel.yaml," + d + "/*.camel.xml";
        }
        return "classpath:routes/*.camel.yaml,classpath:routes/*.camel.xml";
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

    /** Runs the preflight checklist against the live systems. */
    public PreflightReport preflight() {
        return context().createProducerTemplate().requestBody("direct:preflight", null, PreflightReport.class);
    }

    /** Runs until the JVM is asked to stop. */
    public void run() throws Exception {
        main.run();
    }
}
