package io.github.mcsync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@link BenchSimulators} JVM seen from the benchmark and the fault suite: starts it with the test class path,
 * reads its URLs, and speaks its admin API.
 */
final class SimulatorsProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("simulators moodle=(\\S+) coursesales=(\\S+) admin=(\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final String moodleUrl;
    final String courseSalesUrl;
    private final String adminUrl;

    private SimulatorsProcess(Process process, String moodleUrl, String courseSalesUrl, String adminUrl) {
        this.process = process;
        this.moodleUrl = moodleUrl;
        this.courseSalesUrl = courseSalesUrl;
        this.adminUrl = adminUrl;
    }

    /** Starts the simulators' JVM (its output goes to {@code log}) and waits for its URLs. */
    static SimulatorsProcess start(Path log) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx1g", "-XX:+UseSerialGC", "-cp", classPath(),
                "-Dlogback.configurationFile=" + Path.of("bench", "logback-bench.xml").toAbsolutePath(),
                BenchSimulators.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher m = READY.matcher(line);
            if (m.find()) {
                SimulatorsProcess sims = new SimulatorsProcess(p, m.group(1), m.group(2), m.group(3));
                Thread drain = new Thread(() -> drain(out, log), "simulators-output");
                drain.setDaemon(true);
                drain.start();
                return sims;
            }
        }
        throw new IOException("the simulators' process ended before it was ready (exit " + p.waitFor() + ")");
    }

    private static void drain(BufferedReader out, Path log) {
        try (var w = java.nio.file.Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = out.readLine()) != null) {
                w.write(line);
                w.newLine();
                w.flush();
            }
        } catch (IOException e) {
            // the process ended
        }
    } 

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** This JVM's class path without empty entries (an empty one is the working directory). */
    static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.isBlank()).map(e -> Path.of(e).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    // ----- the admin API

    JsonNode post(String path, Map<String, String> query) {
        return call("POST", path, query);
    }

    JsonNode get(String path) {
        return call("GET", path, Map.of());
    }

    void seed(int n) {
        post("/seed", Map.of("n", Integer.toString(n)));
    }

    void latency(int ms) {
        post("/latency", Map.of("ms", Integer.toString(ms)));
    }

    JsonNode counts() {
        return get("/counts");
    }

    void reset() {
        post("/reset", Map.of());
    }

    /** The captured SubmitRegistration requests (and forgets them there). */
    List<Envelope> captured() {
        HttpRequest r = HttpRequest.newBuilder(URI.create(adminUrl + "/captured")).GET().build();
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(
                http.send(r, HttpResponse.BodyHandlers.ofInputStream()).body(), 1 << 16))) {
            int n = in.readInt();
            List<Envelope> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(new Envelope(new String(bytes(in), StandardCharsets.UTF_8),
                        new String(bytes(in), StandardCharsets.UTF_8), bytes(in)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A SOAP request as the bundle sent it. */
    record Envelope(String contentType, String soapAction, byte[] body) {
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return b;
    }

    private JsonNode call(String method, String path, Map<String, String> query) {
        String q = query.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest r = HttpRequest.newBuilder(URI.create(adminUrl + path + (q.isEmpty() ? "" : "?" + q)))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofMinutes(2)).build();
        try {
            HttpResponse<String> answer = http.send(r, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(method + " " + path + ": " + answer.statusCode() + " " + answer.body());
            }
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
