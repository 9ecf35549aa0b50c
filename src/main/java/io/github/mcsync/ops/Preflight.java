package io.github.mcsync.ops;

import io.github.mcsync.ExchangeNames;
import io.github.mcsync.coursesales.CourseSalesMetadata;
import io.github.mcsync.enrolment.CourseLink;
import io.github.mcsync.enrolment.CourseLinker;
import io.github.mcsync.enrolment.Enrolment;
import io.github.mcsync.failure.Failure;
import io.github.mcsync.failure.FailureClassifier;
import io.github.mcsync.failure.Problem;
import io.github.mcsync.feed.FeedControl;
import io.github.mcsync.moodle.MoodleCourse;
import io.github.mcsync.moodle.MoodleSiteInfo;
import io.github.mcsync.validation.Checklist;
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

    private final Checklist checklist;
    private final CourseLinker linker;
    private final FailureClassifier classifier;
    private final FeedControl feed;
    private final String courseSalesUser;

    public Preflight(Checklist checklist, CourseLinker linker, FailureClassifier classifier, FeedControl feed,
                     String courseSalesUser) {
        this.checklist = checklist;
        this.linker = linker;
        this.classifier = classifier;
        this.feed = feed;
        this.courseSalesUser = courseSalesUser;
    }

    public PreflightReport start() {
        return new PreflightReport();
    }

    /** True when the feed is halted by a refused login: checking again would cost another failed login. */
    public boolean loginHalted(@Variable(REPORT) PreflightReport report) {
        if (!feed.loginRefused()) {
            return false;
        }
        report.fail("CourseSales login", "not tried: the feed is halted (" + feed.haltedReason() + "); a login locks"
                + " after 3 failures, so correct coursesales.password / the login in CourseSales, then resume");
        return true;
    }

    public void courseSales(@Variable(REPORT) PreflightReport report, CourseSalesMetadata m) {
        report.pass("CourseSales login", courseSalesUser + " logs in");
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

    public void courseSalesFailed(@Variable(REPORT) PreflightReport report, Exchange exchange) {
        Failure f = classifier.classify(exchange);
        if (f.kind() == Failure.Kind.SYSTEMIC) {
            feed.halt(f.code() + ": " + f.text());
            report.fail("CourseSales login", f.code() + ": " + f.text() + ": correct coursesales.username /"
                    + " coursesales.password, or unlock the login in CourseSales");
        } else {
            report.fail("CourseSales", f.code() + ": " + f.text() + ": check coursesales.url and the ids configured");
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
