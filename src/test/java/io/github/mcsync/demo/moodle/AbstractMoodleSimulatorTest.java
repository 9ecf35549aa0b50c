package io.github.mcsync.demo.moodle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Starts a fixture-seeded simulator per test and talks to it over real HTTP. */
abstract class AbstractMoodleSimulatorTest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** The wwwroot of the captured site, as it appears in the fixtures. */
    static final String FIXTURE_WWWROOT = "http://127.0.0.1:8081";

    MoodleSimulator moodle;

    @BeforeEach
    void startSimulator() {
        moodle = MoodleSimulator.withFixtureData().start(0);
    }

    @AfterEach
    void stopSimulator() {
        moodle.stop();
    }

    /** GET with wstoken, wsfunction, moodlewsrestformat=json and the given name/value pairs. */
    JsonNode callJson(String wsfunction, String... nameValuePairs) {
        HttpResponse<String> response = get(envelope(wsfunction) + "&" + form(nameValuePairs));
        return readJson(response.body());
    }

    String envelope(String wsfunction) {
        return form("wstoken", moodle.token(), "wsfunction", wsfunction, "moodlewsrestformat", "json");
    }

    HttpResponse<String> get(String query) {
        return send(HttpRequest.newBuilder(URI.create(moodle.restUrl() + "?" + query)).GET());
    }

    HttpResponse<String> post(String query, String contentType, String body) {
        String url = moodle.restUrl() + (query.isEmpty() ? "" : "?" + query);
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    HttpResponse<String> postForm(String body) {
        return post("", "application/x-www-form-urlencoded", body);
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** "a", "1", "b[0]", "x y" -> "a=1&b%5B0%5D=x+y". */
    static String form(String... nameValuePairs) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            pairs.add(URLEncoder.encode(nameValuePairs[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(nameValuePairs[i + 1], StandardCharsets.UTF_8));
        }
        return String.join("&", pairs);
    }

    static JsonNode readJson(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + json, e);
        }
    }

    /** Pretty-printed with keys in their original order: equal strings mean same keys, order, types, values. */
    static String canonical(JsonNode json) {
        return json.toPrettyString();
    }

    static String fixture(String fileName) {
        try (InputStream in = AbstractMoodleSimulatorTest.class.getResourceAsStream("/moodle-fixtures/" + fileName)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + fileName);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean fixtureExists(String fileName) {
        return AbstractMoodleSimulatorTest.class.getResource("/moodle-fixtures/" + fileName) != null;
    }

    /** A fixture body with the captured site's wwwroot replaced by the simulator's. */
    String fixtureForThisSite(String fileName) {
        return fixture(fileName).replace(FIXTURE_WWWROOT, moodle.baseUrl());
    }
}
