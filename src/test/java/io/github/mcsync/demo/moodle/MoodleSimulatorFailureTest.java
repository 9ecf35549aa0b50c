package io.github.mcsync.demo.moodle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoodleSimulatorFailureTest extends AbstractMoodleSimulatorTest {

    private static final String SITE_INFO = "core_webservice_get_site_info";
    private static final String ENROLLED_USERS = "core_enrol_get_enrolled_users";

    @Test
    void invalidTokenAnswersMoodlesErrorInTheRequestedFormatThenRecovers() {
        moodle.failNext(2, MoodleFailure.INVALID_TOKEN);

        HttpResponse<String> json = get(envelope(SITE_INFO));
        HttpResponse<String> xml = get(form("wstoken", moodle.token(), "wsfunction", SITE_INFO));

        assertEquals(200, json.statusCode());
        assertEquals("application/json", json.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(readJson(fixture("core_webservice_get_site_info__error_invalid_token.json")), readJson(json.body()));
        assertEquals("application/xml; charset=utf-8", xml.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(fixture("core_webservice_get_site_info__error_invalid_token_no_format.xml"), xml.body());
        assertEquals("admin", callJson(SITE_INFO).path("username").asText());
    }

    @Test
    void accessExceptionAnswersMoodlesBodyForAFunctionOutsideTheService() {
        moodle.failNext(2, MoodleFailure.ACCESS_EXCEPTION);

        HttpResponse<String> json = get(envelope(ENROLLED_USERS) + "&courseid=2");
        HttpResponse<String> xml = get(form("wstoken", moodle.token(), "wsfunction", ENROLLED_USERS, "courseid", "2"));

        assertEquals(200, json.statusCode());
        assertEquals(canonical(readJson(fixture("core_user_delete_users__error_not_in_service.json"))),
                canonical(readJson(json.body())));
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8" ?>
                <EXCEPTION class="webservice_access_exception">
                <ERRORCODE>accessexception</ERRORCODE>
                <MESSAGE>Access control exception</MESSAGE>
                </EXCEPTION>
                """, xml.body());
    }

    @Test
    void nonJsonBodyIsAnHtmlPageWithStatus200() {
        moodle.failNext(1, MoodleFailure.NON_JSON_BODY);

        HttpResponse<String> response = get(envelope(SITE_INFO));

        assertEquals(200, response.statusCode());
        assertEquals("text/html; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().startsWith("<!DOCTYPE html>"), response.body());
        assertThrows(AssertionError.class, () -> readJson(response.body()));
    }

    @Test
    void http500() {
        moodle.failNext(1, MoodleFailure.HTTP_500);

        HttpResponse<String> response = get(envelope(SITE_INFO));

        assertEquals(500, response.statusCode());
        assertEquals(200, get(envelope(SITE_INFO)).statusCode());
    }

    @Test
    void slowAnswersNormallyAfterTheDelay() {
        moodle.setSlowDelay(Duration.ofMillis(400));
        moodle.failNext(2, MoodleFailure.SLOW);
        HttpRequest impatient = HttpRequest.newBuilder(URI.create(moodle.restUrl() + "?" + envelope(SITE_INFO)))
                .timeout(Duration.ofMillis(100)).build();

        assertThrows(HttpTimeoutException.class, () -> HTTP.send(impatient, HttpResponse.BodyHandlers.ofString()));
        long started = System.nanoTime();
        HttpResponse<String> patient = get(envelope(SITE_INFO));

        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 400);
        assertEquals("admin", readJson(patient.body()).path("username").asText());
    }

    @Test
    void xmlExceptionIsMoodlesXmlInvalidTokenEvenWhenJsonWasAsked() {
        moodle.failNext(1, MoodleFailure.XML_EXCEPTION);

        HttpResponse<String> response = get(envelope(ENROLLED_USERS) + "&courseid=2");

        assertEquals(200, response.statusCode());
        assertEquals("application/xml; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(fixture("core_enrol_get_enrolled_users__post_json_body.xml"), response.body());
    }

    @Test
    void failuresApplyToTheNextRequestsInTheOrderQueued() {
        moodle.failNext(1, MoodleFailure.HTTP_500);
        moodle.failNext(1, MoodleFailure.INVALID_TOKEN);

        assertEquals(500, get(envelope(SITE_INFO)).statusCode());
        assertEquals("invalidtoken", callJson(SITE_INFO).path("errorcode").asText());
        assertEquals("admin", callJson(SITE_INFO).path("username").asText());
    }

    @Test
    void clearFailuresDropsThoseNotYetUsed() {
        moodle.failNext(3, MoodleFailure.HTTP_500);
        moodle.clearFailures();

        assertEquals(200, get(envelope(SITE_INFO)).statusCode());
    }

    @Test
    void requestCountAndLogShowWhatWasAskedIncludingFailedRequests() {
        moodle.failNext(1, MoodleFailure.HTTP_500);
        get(envelope(SITE_INFO));
        callJson(ENROLLED_USERS, "courseid", "2",
                "options[0][name]", "onlyactive", "options[0][value]", "1",
                "options[1][name]", "limitfrom", "options[1][value]", "2",
                "options[2][name]", "limitnumber", "options[2][value]", "2");

        assertEquals(1, moodle.requestCount(SITE_INFO));
        assertEquals(1, moodle.requestCount(ENROLLED_USERS));
        assertEquals(0, moodle.requestCount("core_course_get_courses"));
        List<RecordedRequest> requests = moodle.requests();
        assertEquals(List.of(SITE_INFO, ENROLLED_USERS), requests.stream().map(RecordedRequest::wsfunction).toList());
        RecordedRequest paged = requests.get(1);
        assertEquals("GET", paged.method());
        assertEquals("2", paged.option("limitfrom"));
        assertEquals("2", paged.option("limitnumber"));
        assertEquals("limitnumber", moodle.lastRequestParameters().get("options[2][name]"));
        assertEquals("2", moodle.lastRequestParameters().get("courseid"));
        assertFalse(paged.toString().contains(moodle.token()), "the token stays out of logs");

        moodle.clearRequests();
        assertEquals(0, moodle.requestCount(SITE_INFO));
        assertTrue(moodle.lastRequestParameters().isEmpty());
    }
}
