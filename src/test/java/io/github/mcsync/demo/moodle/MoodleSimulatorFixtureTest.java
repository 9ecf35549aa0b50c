package io.github.mcsync.demo.moodle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays each captured request (X.request.txt: method, URL, form body) against the fixture-seeded simulator
 * and expects the captured answer: HTTP status, Content-Type, and the body (JSON: same tree with keys in the
 * same order; XML: same text). Only the wwwroot differs: the simulator's own base URL replaces
 * http://127.0.0.1:8081 in the expected body (siteurl, userpictureurl, profileimageurl*).
 */
class MoodleSimulatorFixtureTest extends AbstractMoodleSimulatorTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "core_enrol_get_enrolled_users__phys101",
            "core_enrol_get_enrolled_users__phys101_onlyactive",
            "core_enrol_get_enrolled_users__phys101_onlyactive_0",
            "core_enrol_get_enrolled_users__phys101_onlyactive_page_from0_n2",
            "core_enrol_get_enrolled_users__phys101_onlysuspended",
            "core_enrol_get_enrolled_users__phys101_page_from0_n3",
            "core_enrol_get_enrolled_users__phys101_page_from3_n3",
            "core_enrol_get_enrolled_users__phys101_page_from6_n3",
            "core_enrol_get_enrolled_users__phys101_page_from99_n3",
            "core_enrol_get_enrolled_users__phys101_sort_lastname_desc",
            "core_enrol_get_enrolled_users__phys101_userfields",
            "core_enrol_get_enrolled_users__phys301",
            "core_enrol_get_enrolled_users__phys301_onlyactive",
            "core_enrol_get_enrolled_users__phys301_post",
            "core_enrol_get_enrolled_users__fr101",
            "core_enrol_get_enrolled_users__fr101_onlyactive",
            "core_enrol_get_enrolled_users__fr101_post",
            "core_enrol_get_enrolled_users__fr101_xml",
            "core_enrol_get_enrolled_users__get_options_userfields_spaces",
            "core_enrol_get_enrolled_users__post_mixed_query_and_body",
            "core_enrol_get_enrolled_users__post_json_body",
            "core_enrol_get_enrolled_users__scilab",
            "core_enrol_get_enrolled_users__scilab_onlyactive",
            "core_enrol_get_enrolled_users__site_course_1",
            "core_enrol_get_enrolled_users__error_bad_sortby",
            "core_enrol_get_enrolled_users__error_invalid_courseid_abc",
            "core_enrol_get_enrolled_users__error_missing_courseid",
            "core_enrol_get_enrolled_users__error_nonexistent_course",
            "core_enrol_get_enrolled_users__error_onlyactive_and_onlysuspended",
            "core_enrol_get_enrolled_users__error_unexpected_param",
            "core_course_get_courses__all",
            "core_course_get_courses__ids_2_3",
            "core_course_get_courses__nonexistent_id",
            "core_course_get_categories__all",
            "core_course_get_categories__by_id_4",
            "core_course_get_categories__by_idnumber_no_subcats",
            "core_course_get_categories__by_idnumber_with_subcats",
            "core_course_get_categories__by_parent_2",
            "core_course_get_categories__nonexistent",
            "core_course_get_categories__empty_xml",
            "core_user_get_users_by_field__id",
            "core_user_get_users_by_field__username",
            "core_user_get_users_by_field__email",
            "core_user_get_users_by_field__idnumber",
            "core_user_get_users_by_field__not_found",
            "core_user_get_users_by_field__username_uppercase",
            "core_user_get_users_by_field__error_bad_field",
            "core_user_get_users_by_field__error_missing_values",
            "core_enrol_get_users_courses__zoe",
            "core_enrol_get_users_courses__jdoe",
            "core_enrol_get_users_courses__jdoe_no_usercount",
            "core_enrol_get_users_courses__li",
            "core_enrol_get_users_courses__sam_suspended",
            "core_enrol_get_users_courses__renee",
            "core_enrol_get_users_courses__teacher",
            "core_enrol_get_users_courses__admin_none",
            "core_enrol_get_users_courses__nonexistent_user",
            "core_enrol_get_users_courses__error_invalid_userid",
            "core_webservice_get_site_info__get",
            "core_webservice_get_site_info__post",
            "core_webservice_get_site_info__error_invalid_token",
            "core_webservice_get_site_info__error_invalid_token_no_format",
            "core_webservice_get_site_info__error_invalid_token_xml",
            "core_webservice_get_site_info__error_missing_token",
            "core_does_not_exist__error_unknown_function",
            "no_wsfunction__error_missing_wsfunction",
    })
    void answersLikeTheCapturedMoodle(String name) {
        CapturedRequest captured = CapturedRequest.parse(fixture(name + ".request.txt"));

        HttpResponse<String> response = replay(captured);

        assertEquals(captured.status(), response.statusCode(), "HTTP status");
        assertEquals(captured.responseContentType(), response.headers().firstValue("Content-Type").orElse(null));
        if (fixtureExists(name + ".json")) {
            assertEquals(canonical(readJson(fixtureForThisSite(name + ".json"))), canonical(readJson(response.body())));
        } else {
            assertEquals(fixtureForThisSite(name + ".xml"), response.body());
        }
    }

    private HttpResponse<String> replay(CapturedRequest captured) {
        String url = withDemoToken(captured.url().replace(FIXTURE_WWWROOT, moodle.baseUrl()));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if ("POST".equals(captured.method())) {
            request.header("Content-Type", captured.contentType())
                    .POST(HttpRequest.BodyPublishers.ofString(withDemoToken(captured.body()), StandardCharsets.UTF_8));
        }
        return send(request);
    }

    /** The fixtures show the real token as TOKEN. */
    private static String withDemoToken(String formOrUrl) {
        return formOrUrl.replace("wstoken=TOKEN", "wstoken=" + MoodleSimulator.DEMO_TOKEN);
    }

    /** The parts of an X.request.txt file needed to replay it. */
    private record CapturedRequest(String method, String url, String contentType, String body, int status,
                                   String responseContentType) {

        static CapturedRequest parse(String text) {
            String method = null, url = null, contentType = null, body = "", responseContentType = null;
            int status = 0;
            for (String line : text.split("\n")) {
                if (line.startsWith("Method: ")) {
                    method = line.substring(8);
                } else if (line.startsWith("URL: ")) {
                    url = line.substring(5);
                } else if (line.startsWith("Content-Type: ")) {
                    contentType = line.substring(14);
                } else if (line.startsWith("Body: ")) {
                    body = line.substring(6);
                } else if (line.startsWith("HTTP status: ")) {
                    status = Integer.parseInt(line.substring(13).trim());
                } else if (line.startsWith("Response Content-Type: ")) {
                    responseContentType = line.substring(23);
                }
            }
            return new CapturedRequest(method, url, contentType, body, status, responseContentType);
        }
    }
}
