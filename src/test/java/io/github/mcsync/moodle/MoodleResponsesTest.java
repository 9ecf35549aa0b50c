package io.github.mcsync.moodle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mcsync.Fixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MoodleResponsesTest {
    private final MoodleResponses responses = new MoodleResponses();

    @Test
    void invalidTokenInJsonWithHttp200IsSystemic() {
        MoodleException e = assertThrows(MoodleException.class,
                () -> responses.check(Fixtures.moodle("core_webservice_get_site_info__error_invalid_token.json")));
        assertEquals("invalidtoken", e.errorCode());
        assertTrue(e.systemic());
        assertTrue(e.getMessage().contains("Invalid token - token not found"), e.getMessage());
    }

    @Test
    void xmlExceptionIsRead() {
        MoodleException e = assertThrows(MoodleException.class,
                () -> responses.check(Fixtures.moodle("core_webservice_get_site_info__error_invalid_token_no_format.xml")));
        assertEquals("invalidtoken", e.errorCode());
    }

    @Test
    void errorWithoutErrorcodeUsesTheExceptionClass() {
        MoodleException e = assertThrows(MoodleException.class,
                () -> responses.check(Fixtures.moodle("core_course_get_courses_by_field__error_ids_with_nonexistent.json")));
        assertEquals("Error", e.errorCode());
        assertFalse(e.systemic());
    }

    @Test
    void nonexistentCourseIsNotSystemic() {
        MoodleException e = assertThrows(MoodleException.class,
                () -> responses.check(Fixtures.moodle("core_enrol_get_enrolled_users__error_nonexistent_course.json")));
        assertEquals("invalidrecord", e.errorCode());
        assertFalse(e.systemic());
    }

    @Test
    void htmlAndEmptyBodiesAreErrors() {
        assertEquals("notjson", assertThrows(MoodleException.class,
                () -> responses.check("<html><body>Error 500</body></html>".getBytes(StandardCharsets.UTF_8))).errorCode());
        assertEquals("notjson", assertThrows(MoodleException.class,
                () -> responses.check("Fatal error: out of memory".getBytes(StandardCharsets.UTF_8))).errorCode());
        assertEquals("emptyresponse", assertThrows(MoodleException.class, () -> responses.check(new byte[0])).errorCode());
    }

    @Test
    void realResponsesPassUnchanged() {
        byte[] body = Fixtures.moodle("core_enrol_get_enrolled_users__phys101_onlyactive.json");
        String json = responses.check(body);
        assertTrue(json.contains("Łukasz-O'Brien"));
        assertEquals("null", responses.check("null".getBytes(StandardCharsets.UTF_8)));
    }
}
