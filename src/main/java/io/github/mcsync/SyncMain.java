package io.github.mcsync;

import io.github.mcsync.feed.ExternalSystem;
import io.github.mcsync.feed.FeedControl;
import io.github.mcsync.feed.PollRun;
import io.github.mcsync.ops.PreflightReport;
import io.github.mcsync.ops.PreviewReport;
import io.github.mcsync.state.StateDataSource;
import io.github.mcsync.state.StateDatabaseException;
import java.util.HashMap;
import java.util.Map;

/**
 * Command line: {@code java -jar moodle-coursesales-sync.jar [--profile demo] [--once | preflight | preview | resume]}.
 * <ul>
 *   <li>no argument: run the scheduled feed until stopped;</li>
 *   <li>{@code --once}: run a single poll and exit 0 when nothing failed, 1 otherwise (cron, Kubernetes CronJob);</li>
 *   <li>{@code preflight}: print the checklist (PASS/FAIL per item) and exit 0 only when every check passes;</li>
 *   <li>{@code preview}: print what the next poll would do with each enrolment it would pick up now (a table), without
 *       sending anything or writing any state; exit 0 when Moodle was read and the feed would run, 1 otherwise;</li>
 *   <li>{@code resume [coursesales|moodle]}: lift the halts kept in the state database, or one system's (for --once
 *       runs, which serve no ops API);</li>
 *   <li>{@code --profile NAME}: read application-NAME.properties over application.properties.</li>
 *   <li>a configuration mistake (a missing or malformed property), a state database in use by a running service,
 *       refusing the login or holding someone else's tables: one line on stderr, exit 2. A state database that does
 *       not answer (yet) is no such mistake: the service starts anyway and runs once it answers; a one-off run
 *       then fails with one line and exit 1 (--once: a poll that read nothing; resume: nothing resumed).</li>
 * </ul>
 */
public final class SyncMain {
    private SyncMain() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, Map.of()));
    }

    /**
     * Parses the command line and runs it; answers the exit status.
     *
     * @param extra properties that override the configuration (the demo points the bundle at its simulators)
     */
    public static int run(String[] args, Map<String, String> extra) throws Exception {
        boolean once = false;
        boolean preflight = false;
        boolean preview = false;
        boolean resume = false;
        ExternalSystem resumeOnly = null;
        String profile = System.getProperty("sync.profile", System.getenv("SYNC_PROFILE"));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--once" -> once = true;
                case "preflight" -> preflight = true;
                case "preview" -> preview = true;
                case "resume" -> {
                    resume = true;
                    if (i + 1 < args.length && ExternalSystem.parse(args[i + 1]).isPresent()) {
                        resumeOnly = ExternalSystem.parse(args[++i]).get();
                    }
                }
                case "--profile" -> {
                    if (i + 1 == args.length) {
                        System.err.println("--profile needs a name (try --help)");
                        return 2;
                    }
                    profile = args[++i];
                }
                case "--help", "-h" -> {
                    System.out.println("usage: java [-Dkey=value ...] -jar moodle-coursesales-sync.jar [--profile NAME] [--once | preflight | preview | resume [coursesales|moodle]]");
                    return 0;
                }
                default -> {
                    System.err.println("unknown argument: " + args[i] + " (try --help)");
                    return 2;
                }
            }
        }
        Map<String, String> overrides = new HashMap<>(extra);
        if (once || preflight || preview || resume) {
            overrides.put("moodle.poll.enabled", "false");
            overrides.put("camel.server.enabled", "false"); // a single run serves no ops API
            overrides.put("camel.management.enabled", "false"); // nor health and metrics: nobody probes it
            overrides.put("camel.main.routes-exclude-pattern", "**/ops-api.camel.*");
        }
        SyncApplication app = new SyncApplication(profile, overrides);
        try {
            return run(app, once, preflight, preview, resume, resumeOnly);
        } catch (Exception e) {
            return configurationError(e);
        }
    }

    private static int run(SyncApplication app, boolean once, boolean preflight, boolean preview, boolean resume,
                           ExternalSystem resumeOnly) throws Exception {
        if (!once && !preflight && !preview && !resume) {
            app.run();
            return 0;
        }
        app.start();
        try {
            if (resume) {
                StateDataSource state = app.context().getRegistry().lookupByNameAndType("stateDataSource",
                        StateDataSource.class);
                if (state != null && !state.migrateIfPending()) { // the halts live there: nothing to lift now
                    System.err.println(Secrets.redact(state.unavailableReason()) + ": nothing was resumed; run resume"
                            + " again once it answers");
                    return 1;
                }
                FeedControl feed = app.context().getRegistry().lookupByNameAndType("feedControl", FeedControl.class);
                if (resumeOnly == null) {
                    feed.resume();
                } else {
                    feed.resume(resumeOnly);
                }
                System.out.println(feed.isHalted() ? "resumed " + resumeOnly.label() + "; still halted: "
                        + Secrets.redact(feed.haltedReason()) : "feed resumed: the next run polls again");
                return 0;
            }
            if (preflight) {
                PreflightReport report = app.preflight();
                report.lines().forEach(System.out::println);
                System.out.println(report.isPassed() ? "preflight: every check passed" : "preflight: FAILED");
                return report.isPassed() ? 0 : 1;
            }
            if (preview) {
                PreviewReport report = app.preview();
                report.lines().forEach(System.out::println);
                boolean stopped = report.records().stream().anyMatch(r -> r.verdict() == PreviewReport.Verdict.WOULD_HALT
                        || r.verdict() == PreviewReport.Verdict.WOULD_PAUSE);
                return report.haltedReason() == null && report.moodleFailure() == null && !stopped ? 0 : 1;
            }
            PollRun run = app.pollOnce();
            return run != null && run.ok() ? 0 : 1;
        } finally {
            app.stop();
        }
    }

    /**
     * A configuration mistake or a state database an operator must see to ends with one clear line and status 2, not
     * a stack trace; anything else is rethrown.
     */
    private static int configurationError(Exception e) throws Exception {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof StateDatabaseException s) {
                System.err.println("state database: " + Secrets.redact(s.getMessage()));
                return 2;
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (!(root instanceof IllegalStateException || root instanceof IllegalArgumentException)) {
            throw e;
        }
        System.err.println("configuration error: " + Secrets.redact(root.getMessage()));
        return 2;
    }
}
