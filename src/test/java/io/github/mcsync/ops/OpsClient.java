package io.github.mcsync.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mcsync.SyncHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Calls the ops API of a running harness as an operator would (curl -u ops:PASSWORD ...), keeping every answer. */
public final class OpsClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String baseUrl;
    private final String authorization;
    private final List<Answer> answers;

    private OpsClient(String baseUrl, String authorization, List<Answer> answers) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
        this.answers = answers;
    }

    /** An operator with the harness's ops login. */
    public static OpsClient of(SyncHarness sync) {
        return new OpsClient(sync.opsUrl(), basic("ops", SyncHarness.OPS_PASSWORD), new CopyOnWriteArrayList<>());
    }

    /** The same API with other credentials (null: no Authorization header at all); answers are kept together. */
    public OpsClient as(String username, String password) {
        return new OpsClient(baseUrl, username == null ? null : basic(username, password), answers);
    }

    /** The same API with this Authorization header value as is. */
    public OpsClient withAuthorization(String header) {
        return new OpsClient(baseUrl, header, answers);
    }

    public static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public Answer get(String path) {
        return send("GET", path);
    }

    public Answer post(String path) {
        return send("POST", path);
    }

    /** As curl in the README: a POST carries {@code X-Requested-By} (the ops API refuses cross-site POSTs without it). */
    public Answer send(String method, String path) {
        return "GET".equals(method) ? send(method, path, Map.of()) : send(method, path, Map.of("X-Requested-By", "ops-test"));
    }

    /** A request with exactly these headers besides the Authorization (e.g. what a cross-site form would send). */
    public Answer send(String method, String path, Map<String, String> headers) {
        return send(method, path, headers, null);
    }

    /** A request with these headers and this body (null: none). */
    public Answer send(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            Answer a = new Answer(method + " " + path, r.statusCode(), r.headers().map(), r.body());
            answers.add(a);
            return a;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every answer so far (status line, headers and body), for asserting that no secret was ever in one. */
    public String everyAnswer() {
        StringBuilder s = new StringBuilder();
        answers.forEach(a -> s.append(a.request()).append(" -> ").append(a.status()).append(' ').append(a.headers())
                .append('\n').append(a.body()).append('\n'));
        return s.toString();
    }

    public record Answer(String request, int status, Map<String, List<String>> headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError(request + " did not answer JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }

        @Override
        public String toString() {
            return request + " -> " + status + " " + body;
        }
    }
}
