package io.github.mcsync.demo.moodle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moodle's webservice/rest/server.php: reads GET query and form-encoded POST parameters, applies an injected
 * fault if one is pending, checks the token, runs the function and answers JSON (moodlewsrestformat=json) or
 * XML (otherwise), errors included, with HTTP 200 and the fixtures' Content-Type.
 */
final class MoodleHttpHandler implements HttpHandler {

    static final String REST_PATH = "/webservice/rest/server.php";

    private static final Logger LOG = LoggerFactory.getLogger(MoodleSimulator.class);
    private static final String JSON = "application/json";
    private static final String XML = "application/xml; charset=utf-8";
    private static final String HTML = "text/html; charset=utf-8";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String HTML_ERROR_PAGE = "<!DOCTYPE html>\n<html><head><title>Error</title></head>"
            + "<body><h1>Error</h1><p>Simulated non-JSON page.</p></body></html>\n";
    private static final String HTML_500_PAGE = "<!DOCTYPE html>\n<html><head><title>500 Internal Server Error"
            + "</title></head><body><h1>Internal Server Error</h1></body></html>\n";

    private final MoodleFunctions functions;
    private final Supplier<String> token;
    private final RequestLog log;
    private final Deque<MoodleFailure> pendingFailures = new ArrayDeque<>();
    private int passBeforeFailures;
    private final List<Rule> rules = new CopyOnWriteArrayList<>();

    /** A lasting fault: every request that matches fails with {@code kind}. */
    private record Rule(Predicate<RecordedRequest> which, MoodleFailure kind) {
    }
    private volatile Duration slowDelay = Duration.ofSeconds(5);
    private volatile Consumer<RecordedRequest> beforeAnswer = r -> { };

    MoodleHttpHandler(MoodleFunctions functions, Supplier<String> token, RequestLog log) {
        this.functions = functions;
        this.token = token;
        this.log = log;
    }

    synchronized void failNext(int n, MoodleFailure kind) {
        for (int i = 0; i < n; i++) {
            pendingFailures.add(kind);
        }
    }

    /** The next {@code okRequests} requests are answered normally, then the pending failures apply. */
    synchronized void failAfter(int okRequests, MoodleFailure kind) {
        passBeforeFailures = okRequests;
        pendingFailures.add(kind);
    }

    void failWhen(Predicate<RecordedRequest> which, MoodleFailure kind) {
        rules.add(new Rule(which, kind));
    }

    synchronized void clearFailures() {
        pendingFailures.clear();
        passBeforeFailures = 0;
        rules.clear();
    }

    private synchronized MoodleFailure nextFailure(RecordedRequest request) {
        if (passBeforeFailures > 0 && !pendingFailures.isEmpty()) {
            passBeforeFailures--;
            return null;
        }
        MoodleFailure pending = pendingFailures.poll();
        if (pending != null) {
            return pending;
        }
        return rules.stream().filter(r -> r.which().test(request)).map(Rule::kind).findFirst().orElse(null);
    }

    void beforeAnswering(Consumer<RecordedRequest> listener) {
        beforeAnswer = listener == null ? r -> { } : listener;
    }

    void setSlowDelay(Duration delay) {
        slowDelay = delay;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod();
            if (!REST_PATH.equals(exchange.getRequestURI().getPath())) {
                send(exchange, 404, "text/plain; charset=utf-8", "Not found\n");
            } else if (!"GET".equals(method) && !"POST".equals(method)) {
                send(exchange, 405, "text/plain; charset=utf-8", "Method not allowed\n");
            } else {
                RecordedRequest request = new RecordedRequest(method, parameters(exchange));
                log.add(request);
                beforeAnswer.accept(request);
                MoodleFailure failure = nextFailure(request);
                LOG.debug("{} {}{}", method, request.wsfunction(),
                        failure == null ? "" : " (injected " + failure + ")");
                answer(exchange, request.parameters(), failure);
            }
        } catch (RuntimeException e) {
            LOG.error("Moodle simulator failed to answer", e);
            send(exchange, 500, HTML, HTML_500_PAGE);
        } finally {
            exchange.close();
        }
    }

    private void answer(HttpExchange exchange, RestParameters params, MoodleFailure failure) throws IOException {
        boolean json = "json".equals(params.value("moodlewsrestformat"));
        if (failure != null) {
            switch (failure) {
                case INVALID_TOKEN -> sendError(exchange, MoodleError.invalidToken(), json);
                case ACCESS_EXCEPTION -> sendError(exchange, MoodleError.accessException(), json);
                case NO_PERMISSIONS -> sendError(exchange, MoodleError.noPermissions(), json);
                case XML_EXCEPTION -> sendError(exchange, MoodleError.invalidToken(), false);
                case NON_JSON_BODY -> send(exchange, 200, HTML, HTML_ERROR_PAGE);
                case HTTP_500 -> send(exchange, 500, HTML, HTML_500_PAGE);
                case DATABASE_EXCEPTION -> sendError(exchange, MoodleError.databaseReadError(), json);
                case TRUNCATED_JSON -> {
                    String whole = toJson(functions.call(params.value("wsfunction"),
                            params.without(MoodleHttpHandler::isEnvelope)).body());
                    send(exchange, 200, JSON, whole.substring(0, whole.length() / 2));
                }
                case SLOW -> {
                    if (sleep(slowDelay)) {
                        answer(exchange, params, null);
                    }
                }
            }
            return;
        }
        try {
            if (params.value("wstoken") == null || !params.value("wstoken").equals(token.get())) {
                throw MoodleError.invalidToken();
            }
            String wsfunction = params.value("wsfunction");
            if (wsfunction == null || wsfunction.isEmpty()) {
                throw MoodleError.invalidParameter();
            }
            MoodleFunctions.Result result = functions.call(wsfunction, params.without(MoodleHttpHandler::isEnvelope));
            if (json) {
                send(exchange, 200, JSON, toJson(result.body()));
            } else {
                send(exchange, 200, XML, MoodleXml.response(result.body(), result.recordShape()));
            }
        } catch (MoodleError e) {
            sendError(exchange, e, json);
        }
    }

    /** The REST server's own parameters, which the function does not see. */
    private static boolean isEnvelope(String name) {
        return name.equals("wstoken") || name.equals("wsfunction") || name.equals("moodlewsrestformat")
                || name.startsWith("moodlewssetting");
    }

    private static RestParameters parameters(HttpExchange exchange) throws IOException {
        RestParameters query = RestParameters.parse(exchange.getRequestURI().getRawQuery());
        byte[] body = exchange.getRequestBody().readAllBytes();
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if ("POST".equals(exchange.getRequestMethod()) && contentType != null && contentType.startsWith(FORM)) {
            return query.mergedWith(RestParameters.parse(new String(body, StandardCharsets.UTF_8)));
        }
        return query;
    }

    private static void sendError(HttpExchange exchange, MoodleError e, boolean json) throws IOException {
        if (json) {
            send(exchange, 200, JSON, toJson(MoodleJson.error(e)));
        } else {
            send(exchange, 200, XML, MoodleXml.exception(e));
        }
    }

    private static String toJson(JsonNode node) {
        try {
            return MoodleJson.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** False when interrupted (the simulator is stopping): then nothing is sent. */
    private static boolean sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
