package io.github.mcsync.ops;

import io.github.mcsync.ExchangeNames;
import io.github.mcsync.coursesales.CourseSalesMetadata;
import io.github.mcsync.coursesales.MetadataCache;
import io.github.mcsync.enrolment.CourseLink;
import io.github.mcsync.enrolment.CourseLinker;
import io.github.mcsync.enrolment.Enrolment;
import io.github.mcsync.failure.Failure;
import io.github.mcsync.failure.FailureClassifier;
import io.github.mcsync.failure.CourseSalesHaltedException;
import io.github.mcsync.failure.Problem;
import io.github.mcsync.feed.CourseSalesGate;
import io.github.mcsync.feed.ExternalSystem;
import io.github.mcsync.feed.FeedControl;
import io.github.mcsync.feed.Halt;
import io.github.mcsync.moodle.MoodleCourse;
import io.github.mcsync.moodle.MoodleSiteInfo;
import io.github.mcsync.validation.Checklist;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;

/**
 * The checks of CourseSales' Moodle checklist, run on demand against the live systems (routes/preflight.camel.yaml):
 * CourseSales login, form, fields, process, contact form; the Moodle token and web-service functions; and a
 * linked active course date and category for each watched course.
 */
public final class Preflight {
    public static final String REPORT = "preflightReport";
    /** Route variable: the cached metadata the CourseSales part is checked against (null: fetched now). */
    public static final String CACHED = "cachedMetadata";

    private final Checklist checklist;
    private final CourseLinker linker;
    private final FailureClassifier classifier;
    private final FeedControl feed;
    private final String courseSalesUser;
    private final MetadataCache cache;
    private final CourseSalesGate gate;
    private final Clock clock;
    private final Duration maxAge;
    private Instant lastRefresh;
    private String lastFailure;

    public Preflight(Checklist checklist, CourseLinker linker, FailureClassifier classifier, FeedControl feed,
                     String courseSalesUser, MetadataCache cache, Clock clock, Duration maxAge, CourseSalesGate gate) {
        this.cache = cache;
        this.clock = clock;
        this.maxAge = maxAge;
        this.gate = gate;
        this.checklist = checklist;
        this.linker = linker;
        this.classifier = classifier;
        this.feed = feed;
        this.courseSalesUser = courseSalesUser;
    }

    public PreflightReport start() {
        return new PreflightReport();
    }

    /** True when the CourseSales halt is set: checking again would cost another failed login. */
    public boolean courseSalesHalted() {
        return feed.loginRefused();
    }

    /** The CourseSales part is not tried while CourseSales is halted: the halt's reason and its fix. */
    public void notTried(@Variable(REPORT) PreflightReport report) {
        Halt h = feed.halt(ExternalSystem.COURSESALES).orElseThrow();
        report.fail("CourseSales login", (h.locked() ? "LOCKED, not tried: " : "not tried, CourseSales is halted: ")
                + h.reason() + ". " + h.fix());
    }

    /**
     * The metadata the CourseSales part is checked against, or null when it is fetched now. The command line
     * ({@link ExchangeNames#PREFLIGHT_FRESH}) fetches it fresh, once; the ops API takes the cached metadata when it is
     * at most {@code ops.preflight.max-age} old (one minute by default) and else fetches it, at most once per
     * max-age whatever the number of requests: meanwhile it answers with the last metadata, or the last failure.
     */
    public CourseSalesMetadata cachedMetadata(@ExchangeProperty(ExchangeNames.PREFLIGHT_FRESH) Boolean fresh) {
        Instant now = clock.instant();
        CourseSalesMetadata m = cache.current();
        // cached metadata tells the login works only while it is verified (not after a resume or a refused login)
        boolean trusted = gate.isLoginVerified();
        if (!trusted) {
            m = null;
        }
        if (!Boolean.TRUE.equals(fresh) && m != null && !m.fetchedAt().plus(maxAge).isBefore(now)) {
            return m;
        }
        synchronized (this) {
            if (Boolean.TRUE.equals(fresh) || !trusted || lastRefresh == null || !lastRefresh.plus(maxAge).isAfter(now)) {
                lastRefresh = now;
                lastFailure = null;
                return null;
            }
            if (m != null) {
                return m;
            }
            throw new NotCheckedAgain("not checked again before " + lastRefresh.plus(maxAge) + " (at most once per "
                    + maxAge.toSeconds() + " s): " + (lastFailure != null ? "the check at " + lastRefresh + " failed: "
                    + lastFailure : "a check is in progress"));
        }
    }

    public void courseSales(@Variable(REPORT) PreflightReport report, CourseSalesMetadata m,
                            @Variable(CACHED) CourseSalesMetadata cached) {
        report.pass("CourseSales login", courseSalesUser + " logs in"
                + (cached == null ? "" : " (as of " + m.fetchedAt() + ": cached, at most " + maxAge.toSeconds() + " s old)"));
        // the checklist's configuration-level points, as routes/validate.camel.yaml runs them
        item(report, "Registration form", checklist.registrationForm(m), "Form " + m.registrationForm().formId() + " '"
                + m.registrationForm().name() + "' is Active and published");
        List<Problem> fields = new ArrayList<>(checklist.fieldIds(m));
        fields.addAll(checklist.fieldsActive(m));
        item(report, "Fields", fields, "every mapped FieldId is on the form and Active; every mandatory field is mapped");
        item(report, "Contact form", checklist.contactForm(m), m.contactForm() == null ? "none configured"
                : "every mandatory field of form " + m.contactForm().formId() + " is supplied");
        item(report, "Process", checklist.process(m), "Process " + m.process().processId() + " '" + m.process().name()
                + "': all " + m.process().steps().size() + " steps and " + m.process().paths().size() + " paths are Active");
    }

    private static void item(PreflightReport report, String item, List<Problem> problems, String passText) {
        problems.forEach(p -> report.fail(item, p.code() + ": " + p.text()));
        if (problems.isEmpty()) {
            report.pass(item, passText);
        }
    }

    /**
     * The CourseSales part failed. A refused login or an unknown refusal has already set the CourseSales halt (the
     * login gate did): the line says whether the login is locked and what to do; a caller the gate stopped says
     * HALTED with the halt's reason.
     */
    public void courseSalesFailed(@Variable(REPORT) PreflightReport report, Exchange exchange) {
        Throwable t = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (t instanceof NotCheckedAgain n) {
            report.fail("CourseSales", n.getMessage());
            return;
        }
        Failure f = classifier.classify(exchange);
        synchronized (this) {
            lastFailure = f.code() + ": " + f.text();
        }
        if (f.kind() != Failure.Kind.SYSTEMIC) {
            report.fail("CourseSales", f.code() + ": " + f.text() + ": check coursesales.url and the ids configured");
            return;
        }
        feed.halt(f); // set by the gate already; kept here should a failure reach preflight another way
        Halt h = feed.halt(ExternalSystem.COURSESALES).orElse(null);
        String fix = h == null ? "" : " " + h.fix();
        if (CourseSalesHaltedException.CODE.equals(f.code())) {
            report.fail("CourseSales login", "HALTED: " + f.text() + "." + fix);
        } else if (h != null && h.locked()) {
            report.fail("CourseSales login", "LOCKED: " + f.code() + ": " + f.text() + "." + fix);
        } else {
            report.fail("CourseSales login", f.code() + ": " + f.text() + "." + fix);
        }
    }

    /** The CourseSales part is not checked again yet (at most once per ops.preflight.max-age). */
    static final class NotCheckedAgain extends RuntimeException {
        NotCheckedAgain(String message) {
            super(message);
        }
    }

    public void moodleSiteInfo(@Variable(REPORT) PreflightReport report, MoodleSiteInfo info) {
        report.pass("Moodle token", "works (site '" + info.sitename() + "', web-service user '" + info.username() + "')");
        List<String> missing = info.missingFunctions();
        if (missing.isEmpty()) {
            report.pass("Moodle web service", "offers " + String.join(", ", MoodleSiteInfo.REQUIRED));
        } else {
            report.fail("Moodle web service", "does not offer " + String.join(", ", missing) + ": add them to the external"
                    + " service under Site administration > Server > Web services > External services");
        }
    }

    public void moodleFailed(@Variable(REPORT) PreflightReport report, Exchange exchange) {
        Failure f = classifier.classify(exchange);
        report.fail("Moodle", f.code() + ": " + f.text() + ": check moodle.url and moodle.token (Site administration >"
                + " Server > Web services > Manage tokens)");
    }

    /** The database source's checks could not run (moodle.source=db). */
    public void moodleDatabaseFailed(@Variable(REPORT) PreflightReport report, Exchange exchange) {
        Failure f = classifier.classify(exchange);
        report.fail("Moodle database", f.code() + ": " + f.text());
    }

    /** Each watched course has a linked active course date in an active category with its Moodle category id. */
    public void courses(@Variable(REPORT) PreflightReport report,
                        @ExchangeProperty(ExchangeNames.METADATA) CourseSalesMetadata m, List<MoodleCourse> courses) {
        if (m == null) {
            report.fail("Course links", "not checked: CourseSales metadata could not be read");
            return;
        }
        if (courses.isEmpty()) {
            report.fail("Course links", "no course is watched: check moodle.courses or make courses visible");
        }
        for (MoodleCourse c : courses) {
            String item = "Course " + c.id() + " " + c.shortname();
            Enrolment probe = new Enrolment(0, "", "", "", "", null, null, null, null, null, null, null, Map.of(), c.id(),
                    c.shortname(), c.fullname(), c.idnumber(), c.categoryid(), null, List.of(), null, null, "preflight", null);
            CourseLink link = linker.link(probe, m); // several course dates: the one nearest on or after today
            List<Problem> problems = link.problems().isEmpty()
                    ? checklist.courseCategory(probe, link.courseDate(), m) : link.problems();
            if (problems.isEmpty()) {
                var date = link.courseDate();
                report.pass(item, "course date " + date.courseDateId() + " '" + date.name() + "', category "
                        + date.courseCategoryId() + (link.severalCandidates() ? " (" + link.choice() + ")" : ""));
            } else {
                problems.forEach(p -> report.fail(item, p.code() + ": " + p.message()));
            }
        }
    }
}
