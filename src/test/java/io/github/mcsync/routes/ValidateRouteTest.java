package io.github.mcsync.routes;

import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.CATEGORY_PHYSICS;
import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.CONTACT_FORM_ID;
import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.COURSE_DATE_PHYS101;
import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.MASTER_PHYS101;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mcsync.demo.coursesales.CourseSalesSimulator;
import io.github.mcsync.enrolment.Enrolment;
import io.github.mcsync.enrolment.Registration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * routes/validate.camel.yaml on its own: the metadata comes from the CourseSales simulator over SOAP, the send stage
 * is a mock (mockEndpointsAndSkip), the dead-letter path is watched by a mock in front of the real one.
 */
class ValidateRouteTest extends RouteTestSupport {
    static final ZoneId LICENCE = ZoneId.of("Australia/Sydney");
    static final LocalDate TODAY = LocalDate.now(LICENCE);

    /** One port for the class (Camel Main is configured before a test's fields exist), a fresh simulator per test. */
    static final int PORT = AvailablePortFinder.getNextAvailable();
    final CourseSalesSimulator courseSales = CourseSalesSimulator.withDemoData().start(PORT);

    @Override
    protected String courseSalesUrl() {
        return "http://127.0.0.1:" + PORT + CourseSalesSimulator.PATH;
    }

    @Override
    public void configureContext(CamelContextConfiguration camelContextConfiguration) {
        super.configureContext(camelContextConfiguration);
        camelContextConfiguration.withMockEndpointsAndSkip("direct:sendToCourseSales");
        camelContextConfiguration.withMockEndpoints("direct:deadLetter");
    }

    @AfterEach
    void stopSimulator() {
        courseSales.stop();
    }

    private MockEndpoint sent() {
        return getMockEndpoint("mock:direct:sendToCourseSales");
    }

    private MockEndpoint deadLettered() {
        return getMockEndpoint("mock:direct:deadLetter");
    }

    private void intake(int id, LocalDate start) {
        courseSales.addCourseDate(id, MASTER_PHYS101, "PHYS101 intake " + start, null, start, start.plusWeeks(16),
                "Scheduled", true, CATEGORY_PHYSICS, 2);
    }

    @Test
    void anEnrolmentWhoseStartTheSourceKnowsGoesToTheIntakeStartingNextAfterIt() throws Exception {
        courseSales.setCourseDateMoodleId(COURSE_DATE_PHYS101, null);
        intake(9011, TODAY.plusDays(40));
        intake(9012, TODAY.plusDays(200));
        long startsIn100Days = TODAY.plusDays(100).atTime(9, 0).atZone(LICENCE).toEpochSecond();
        sent().expectedMessageCount(1);
        deadLettered().expectedMessageCount(0);
        accept(student(31, "Ada", "Hobart", startsIn100Days));

        MockEndpoint.assertIsSatisfied(context);
        Registration r = sent().getExchanges().get(0).getProperty("registration", Registration.class);
        assertEquals(9012, r.courseDateId(), "the start decides, not today");
        assertTrue(r.courseDateChoice().endsWith("the first to start on or after the enrolment's start ("
                + TODAY.plusDays(100) + ")"), r.courseDateChoice());
    }

    @Test
    void aLoneSurrogateInAMappedValueGoesToTheDeadLetterPathAsAnInvalidValue() throws Exception {
        sent().expectedMessageCount(0);
        deadLettered().expectedMessageCount(1);

        accept(student(32, "Lo\uD800ne", null, null));

        MockEndpoint.assertIsSatisfied(context);
        assertEquals("INVALID_VALUE", deadLetters().get(0).get("REASON_CODE"));
        assertEquals("the value for field 101 'First name' (coursesales.field.first-name (firstname)) has a lone"
                + " surrogate U+D800 at position 3, which XML 1.0 (and so SOAP) cannot carry", deadLetters().get(0).get("REASON_TEXT"));
        assertEquals(0, state().queryForObject("SELECT COUNT(*) FROM in_flight", Integer.class));
        assertEquals(0, courseSales.callCount("SubmitRegistration"));
    }

    @Test
    void aConfigurationProblemTakesThePausePathBeforeTheRecord() throws Exception {
        courseSales.setFormPublished(CONTACT_FORM_ID, false);
        sent().expectedMessageCount(0);
        deadLettered().expectedMessageCount(0);

        accept(student(33, "Ada", null, null));

        MockEndpoint.assertIsSatisfied(context);
        assertFalse(feed().isRunning());
        assertTrue(feed().haltedReason().contains("CONTACT_FORM_NOT_PUBLISHED"), feed().haltedReason());
        assertEquals(0, state().queryForObject("SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED", Integer.class),
                "nothing is consumed");
    }

    @Test
    void aRecordLevelProblemIsSeenAgainstFreshMetadataBeforeItIsDeadLettered() throws Exception {
        accept(student(34, "Ada", null, null)); // caches the metadata
        // a new Moodle course 7 and, in CourseSales, its course date, both made after the metadata was cached
        courseSales.addCourseDate(9020, 9020, "PHYS102 intake", null, TODAY.plusDays(10), TODAY.plusDays(100),
                "Scheduled", true, CATEGORY_PHYSICS, 7);
        Enrolment inPhys102 = student(35, "Bea", null, null);
        inPhys102 = new Enrolment(inPhys102.userId(), inPhys102.username(), inPhys102.firstName(), inPhys102.lastName(),
                inPhys102.email(), null, null, null, null, null, null, null, Map.of(), 7, "PHYS102", "Physics II", "", 4,
                null, List.of("student"), null, null, "ws", null);
        sent().reset();
        sent().expectedMessageCount(1);
        deadLettered().expectedMessageCount(0);

        accept(inPhys102); // a new poll: the cached metadata predates it, so UNMAPPED_COURSE is checked again first

        MockEndpoint.assertIsSatisfied(context);
        assertEquals(9020, sent().getExchanges().get(0).getProperty("registration", Registration.class).courseDateId());
        assertEquals(2, courseSales.callCount("GetCourseDates"), "fetched again once, before rejecting");
    }
}
