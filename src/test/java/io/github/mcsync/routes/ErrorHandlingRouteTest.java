package io.github.mcsync.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mcsync.coursesales.CourseSalesMetadata;
import io.github.mcsync.coursesales.CourseSalesMetadata.Category;
import io.github.mcsync.coursesales.CourseSalesMetadata.CourseDate;
import io.github.mcsync.coursesales.CourseSalesMetadata.Field;
import io.github.mcsync.coursesales.CourseSalesMetadata.Form;
import io.github.mcsync.coursesales.CourseSalesMetadata.Item;
import io.github.mcsync.coursesales.CourseSalesMetadata.Process;
import io.github.mcsync.coursesales.MetadataCache;
import io.github.mcsync.coursesales.soap.CourseSalesFault;
import io.github.mcsync.coursesales.soap.CourseSalesFault_Exception;
import io.github.mcsync.coursesales.soap.FindDocuments;
import io.github.mcsync.coursesales.soap.FindDocumentsResponse;
import io.github.mcsync.coursesales.soap.SubmitRegistration;
import io.github.mcsync.coursesales.soap.SubmitRegistrationResponse;
import io.github.mcsync.enrolment.Enrolment;
import io.github.mcsync.feed.PollRun;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.CopyOnWriteArrayList;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;

/**
 * routes/error-handling.camel.yaml as the record routes use it, with the SOAP call (step courseSalesSoapCall, cxf:bean:courseSales) replaced by a mock
 * (AdviceWith on the callCourseSales route) that answers as CourseSales would: a contract fault, a refused login, a
 * transient refusal, a document. The CourseSales metadata is in the cache already, so the mock sees only what the
 * send stage calls.
 */
class ErrorHandlingRouteTest extends RouteTestSupport {

    @Override
    protected String courseSalesUrl() {
        return "http://127.0.0.1:9/soap/v1"; // never called: the endpoint is advised away
    }

    @Override
    protected Map<String, String> properties() {
        // redelivery delays as the README states them: doubling from the initial delay, capped at the maximum
        // one send lane: the counts below are one record's attempts
        return Map.of("coursesales.contact-form-id", "20", "coursesales.retry.initial-delay-ms", "100",
                "coursesales.retry.max-delay-ms", "400", "coursesales.concurrency", "1");
    }

    @Override
    public void configureTest(TestExecutionConfiguration testConfiguration) {
        super.configureTest(testConfiguration);
        testConfiguration.withUseAdviceWith(true);
    }

    private MockEndpoint courseSales(Processor answer) throws Exception {
        AdviceWith.adviceWith(context, "callCourseSales",
                route -> route.weaveById("courseSalesSoapCall").replace().to("mock:courseSales"));
        context.start();
        context.getRegistry().lookupByNameAndType("metadataCache", MetadataCache.class).store(licence());
        MockEndpoint mock = getMockEndpoint("mock:courseSales");
        mock.whenAnyExchangeReceived(answer);
        return mock;
    }

    /** The demo licence as the metadata calls would have read it a moment ago. */
    private static CourseSalesMetadata licence() {
        List<Field> fields = List.of(new Field(101, "First name", "First name", "Text", "Active", true, null),
                new Field(102, "Last name", "Last name", "Text", "Active", true, null),
                new Field(103, "Email", "Email", "Email", "Active", true, null),
                new Field(104, "Phone", "Phone", "Phone", "Active", false, null),
                new Field(105, "Mobile", "Mobile", "Phone", "Active", false, null),
                new Field(106, "Moodle Id", "Moodle Id", "Text", "Active", false, null));
        return new CourseSalesMetadata(new Form(12, "Moodle registration", "Documents", "Active", true, fields),
                new Form(20, "Contact", "Contacts", "Active", true, List.of(fields.get(0))),
                new Process(7, "Moodle enrolment", "Active", List.of(new Item(701, "Received", "Active")), List.of()),
                List.of(new Category(501, "Physics", "Active", 4)),
                List.of(new CourseDate(9001, "PHYS101 S1", "PHYS101-2026", LocalDate.of(2027, 2, 22), "Scheduled", true, 501, 2)),
                Instant.now());
    }

    private static CourseSalesFault_Exception fault(String code, String message) {
        CourseSalesFault detail = new CourseSalesFault();
        detail.setCode(code);
        detail.setMessage(message);
        return new CourseSalesFault_Exception(message, detail);
    }

    private static Processor refusing(String code) {
        return exchange -> {
            throw fault(code, code + " from the mock");
        };
    }

    private int inFlight() {
        return state().queryForObject("SELECT COUNT(*) FROM in_flight", Integer.class);
    }

    @Test
    void aRegistrationCourseSalesAcceptsIsRecordedWithItsCourseDate() throws Exception {
        MockEndpoint mock = courseSales(exchange -> {
            SubmitRegistrationResponse response = new SubmitRegistrationResponse();
            response.setDocumentId(77);
            response.setDocumentExternalId("DOC-77");
            exchange.getMessage().setBody(List.of(response));
        });
        mock.expectedMessageCount(1);
        mock.message(0).body().isInstanceOf(SubmitRegistration.class);

        accept(student(41, "Ada", null, null));

        mock.assertIsSatisfied();
        assertEquals(List.of(Map.of("OUTCOME", "DELIVERED", "DOCUMENT_EXTERNAL_ID", "DOC-77", "COURSE_DATE_ID", 9001,
                "COURSE_DATE_CHOICE", "Moodle Id 2")), state().queryForList(
                "SELECT outcome, document_external_id, course_date_id, course_date_choice FROM delivery"));
        assertEquals(0, inFlight());
    }

    @Test
    void aRecordLevelFaultIsDeadLetteredAtOnceWithItsContractCode() throws Exception {
        MockEndpoint mock = courseSales(refusing("INVALID_VALUE"));
        mock.expectedMessageCount(1);

        accept(student(42, "Ada", null, null));

        mock.assertIsSatisfied();
        assertEquals("INVALID_VALUE", deadLetters().get(0).get("REASON_CODE"));
        assertEquals(1, deadLetters().get(0).get("ATTEMPTS"));
        assertEquals(0, inFlight(), "a refused submission created no document: its in-flight mark goes");
        assertTrue(feed().isRunning(), "the feed goes on with the others");
    }

    @Test
    void aRefusedLoginHaltsTheFeedAfterOneCallAndDeadLettersNothing() throws Exception {
        MockEndpoint mock = courseSales(refusing("AUTHENTICATION_FAILED"));
        mock.expectedMessageCount(1);

        acceptAll(student(43, "Ada", null, null), student(44, "Bea", null, null));

        mock.assertIsSatisfied();
        assertTrue(feed().loginRefused());
        assertEquals(List.of(), deadLetters());
        assertEquals(0, state().queryForObject("SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED", Integer.class));
    }

    @Test
    void aTransientRefusalOutlastingTheRedeliveriesInterruptsThePollAndLeavesTheRecordAtItsSource() throws Exception {
        List<Long> calls = new CopyOnWriteArrayList<>();
        MockEndpoint mock = courseSales(exchange -> {
            calls.add(System.nanoTime());
            refusing("RATE_LIMITED").process(exchange);
        });
        mock.expectedMessageCount(5);
        mock.allMessages().body().isInstanceOf(SubmitRegistration.class);
        NotifyBuilder deadLettered = new NotifyBuilder(context).wereSentTo("direct:deadLetter").whenDone(1).create();

        PollRun poll = feed().startPoll();
        Exchange exchange = new DefaultExchange(context);
        exchange.setProperty("pollRun", poll);
        exchange.getMessage().setBody(List.of(student(45, "Ada", null, null), student(46, "Bea", null, null)));
        template.send("direct:processEnrolments", exchange);

        mock.assertIsSatisfied(); // 5 tries of the first record, none of the second: the poll stopped there
        assertEquals("INTERRUPTED", poll.outcome());
        assertTrue(poll.summary().contains("interrupted: CourseSales unavailable: RATE_LIMITED"), poll.summary());
        assertEquals(0, poll.freshCount(), "the record in hand went back to its source");
        assertFalse(deadLettered.matches(0, TimeUnit.SECONDS), "nothing is dead-lettered");
        assertEquals(List.of(), deadLetters());
        assertEquals(0, state().queryForObject("SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED", Integer.class));
        assertEquals(0, inFlight(), "RATE_LIMITED created no document");
        assertFalse(feed().isHalted());

        // the delays between the tries are the configured ones: 100 ms doubling, capped at 400 ms
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < calls.size(); i++) {
            gaps.add(TimeUnit.NANOSECONDS.toMillis(calls.get(i) - calls.get(i - 1)));
        }
        long[] expected = {100, 200, 400, 400};
        for (int i = 0; i < expected.length; i++) {
            assertTrue(gaps.get(i) >= expected[i] && gaps.get(i) < expected[i] + 250, "delays " + gaps);
        }
    }

    @Test
    void aRecordLookedUpAndThenHeldBackByAStoppedPollKeepsItsLastAnswerSoTheNextPollLooksItUpAtOnce() throws Exception {
        Enrolment ada = student(47, "Ada", null, null);
        Timestamp before = Timestamp.from(Instant.now().minusSeconds(5));
        // its last submission was answered without a document (an HTTP 503): FindDocuments can tell at once
        state().update("INSERT INTO in_flight (source_reference, started_at, answered_at) VALUES (?, ?, ?)",
                ada.sourceReference(), before, before);
        PollRun poll = feed().startPoll();
        MockEndpoint mock = courseSales(exchange -> {
            // CourseSales has no document for it; meanwhile another lane met an outage and the poll stopped
            feed().interrupt(poll, "CourseSales unavailable: HTTP_503");
            exchange.getMessage().setBody(List.of(new FindDocumentsResponse()));
        });
        mock.expectedMessageCount(1);
        mock.message(0).body().isInstanceOf(FindDocuments.class);

        Exchange exchange = new DefaultExchange(context);
        exchange.setProperty("pollRun", poll);
        exchange.getMessage().setBody(List.of(ada));
        template.send("direct:processEnrolments", exchange);

        mock.assertIsSatisfied(); // looked up, not sent again: the poll had stopped
        assertEquals(List.of(), deadLetters());
        assertEquals(1, inFlight(), "it waits at its source, still marked");
        assertNotNull(state().queryForObject("SELECT answered_at FROM in_flight", Timestamp.class),
                "nothing went out, so it is not an unanswered submission: the next poll looks it up at once instead of"
                        + " waiting out the receive time-out and the grace (OUTCOME_UNKNOWN)");
    }

    @Test
    void inAReplayATransientRefusalOutlastingTheRedeliveriesIsDeadLetteredRetriesExhausted() throws Exception {
        MockEndpoint mock = courseSales(refusing("RATE_LIMITED"));
        mock.expectedMessageCount(5);

        Exchange exchange = new DefaultExchange(context);
        exchange.setProperty("pollRun", feed().startReplay()); // a replay: no source holds the record
        exchange.setProperty("enrolment", student(47, "Ada", null, null));
        exchange.getMessage().setHeader("sourceReference", "moodle:c2:u47");
        exchange.getMessage().setBody(student(47, "Ada", null, null));
        template.send("direct:processEnrolment", exchange);

        mock.assertIsSatisfied();
        assertEquals("RETRIES_EXHAUSTED", deadLetters().get(0).get("REASON_CODE"));
        assertTrue(((String) deadLetters().get(0).get("REASON_TEXT")).startsWith("last cause RATE_LIMITED"),
                (String) deadLetters().get(0).get("REASON_TEXT"));
    }
}
