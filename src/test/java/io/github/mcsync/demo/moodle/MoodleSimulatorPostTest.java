package io.github.mcsync.demo.moodle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** POST application/x-www-form-urlencoded, as Moodle clients (and Camel's http component) send it. */
class MoodleSimulatorPostTest extends AbstractMoodleSimulatorTest {

    private static final String ENROLLED_USERS = "core_enrol_get_enrolled_users";

    @Test
    void formBodyWithNestedOptionsPagesLikeTheGetFixture() {
        HttpResponse<String> response = postForm(envelope(ENROLLED_USERS) + "&" + form("courseid", "2",
                "options[0][name]", "limitfrom", "options[0][value]", "3",
                "options[1][name]", "limitnumber", "options[1][value]", "3"));

        assertEquals(canonical(readJson(fixtureForThisSite("core_enrol_get_enrolled_users__phys101_page_from3_n3.json"))),
                canonical(readJson(response.body())));
        assertEquals("POST", moodle.requests().get(0).method());
        assertEquals("3", moodle.requests().get(0).option("limitfrom"));
    }

    @Test
    void bodyParametersReplaceThoseOfTheQueryString() {
        HttpResponse<String> response = post(envelope(ENROLLED_USERS) + "&courseid=2",
                "application/x-www-form-urlencoded; charset=UTF-8", "courseid=4");

        assertEquals(List.of(3L, 6L, 9L, 10L), ids(readJson(response.body())));
    }

    @Test
    void percentEncodedUtf8AndPlusAreDecoded() {
        String body = envelope(ENROLLED_USERS)
                + "&courseid=4&options%5B0%5D%5Bname%5D=userfields&options%5B0%5D%5Bvalue%5D=id%2C+fullname";

        JsonNode users = readJson(postForm(body).body());

        assertEquals("Seán Ó Conchúir", users.get(3).path("fullname").asText());
        assertEquals(List.of("id", "fullname"), fieldNames(users.get(3)));
    }

    @Test
    void coursesByIdsArray() {
        HttpResponse<String> response = postForm(envelope("core_course_get_courses") + "&"
                + form("options[ids][0]", "2", "options[ids][1]", "3"));

        assertEquals(canonical(readJson(fixture("core_course_get_courses__ids_2_3.json"))),
                canonical(readJson(response.body())));
    }

    @Test
    void aJsonBodyIsNotReadSoMoodleAnswersInvalidTokenInXml() {
        HttpResponse<String> response = post("", "application/json",
                "{\"wstoken\":\"" + moodle.token() + "\",\"wsfunction\":\"" + ENROLLED_USERS + "\",\"courseid\":4}");

        assertEquals(fixture("core_enrol_get_enrolled_users__post_json_body.xml"), response.body());
    }

    static List<Long> ids(JsonNode users) {
        return StreamSupport.stream(users.spliterator(), false).map(u -> u.path("id").asLong()).toList();
    }

    static List<String> fieldNames(JsonNode node) {
        return StreamSupport.stream(((Iterable<String>) node::fieldNames).spliterator(), false).toList();
    }
}
