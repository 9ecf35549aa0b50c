package io.github.mcsync.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads Camel's management server as a probe or a Prometheus scraper would (plain HTTP, no login). */
public final class Observe {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String baseUrl;

    public Observe(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public record Answer(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        /** The check of this name in a health answer (exposure level full), or null. */
        public JsonNode check(String name) {
            for (JsonNode c : json().path("checks")) {
                if (name.equals(c.path("name").asText())) {
                    return c;
                }
            }
            return null;
        }
    }

    public Answer get(String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The answer, or status -1 when nothing listens (a process that is not up, or killed). */
    public Answer tryGet(String path) {
        try {
            return get(path);
        } catch (UncheckedIOException e) {
            return new Answer(-1, e.getMessage());
        }
    }

    public String metrics() {
        Answer a = get("/observe/metrics");
        if (a.status() != 200) {
            throw new AssertionError("/observe/metrics answered " + a);
        }
        return a.body();
    }

    /**
     * The value of the sample {@code name} whose labels include {@code labels} in Prometheus text, or null when there
     * is none.
     */
    public static Double sample(String text, String name, Map<String, String> labels) {
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*\\})?\\s+(\\S+)", Pattern.MULTILINE);
        Matcher m = line.matcher(text);
        while (m.find()) {
            String l = m.group(1) == null ? "" : m.group(1);
            if (labels.entrySet().stream().allMatch(e -> l.contains(e.getKey() + "=\"" + e.getValue() + "\""))) {
                return Double.valueOf(m.group(2));
            }
        }
        return null;
    }

    public static Double sample(String text, String name) {
        return sample(text, name, Map.of());
    }
}
