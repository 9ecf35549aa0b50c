package io.github.mcsync.demo.coursesales;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's public HTTP port. Counts SOAP calls per operation, applies injected failures at the HTTP
 * level (status without a SOAP body, injected CourseSales faults, connection closed after the document was
 * stored, response delay) and forwards everything else unchanged to the CXF endpoint on an internal port.
 */
final class SimulatorFront {

    static final String SUBMIT_REGISTRATION = "SubmitRegistration";
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorFront.class);
    private static final String[] FORWARDED_HEADERS = {"Content-Type", "SOAPAction", "Accept"};
    private static final XMLInputFactory XML = xmlInputFactory();

    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpClient client;
    private final URI backend;
    private final FaultInjection faults;
    private final Map<String, AtomicInteger> calls;
    private final java.util.Queue<CapturedRequest> captured = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile boolean capturing;
    /** SubmitRegistration calls being answered now, and the most there were at once since the last reset. */
    private final AtomicInteger submissionsNow = new AtomicInteger();
    private final AtomicInteger submissionsMax = new AtomicInteger();
    /** When each SubmitRegistration arrived (System.nanoTime()), oldest first. */
    private final java.util.Queue<Long> submissionArrivals = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** A SubmitRegistration request exactly as it arrived (the benchmark's ceiling posts the same bytes again). */
    record CapturedRequest(String contentType, String soapAction, byte[] body) {
    }

    SimulatorFront(InetSocketAddress bind, URI backend, FaultInjection faults, Map<String, AtomicInteger> calls)
            throws IOException {
        this.server = io.github.mcsync.demo.LoopbackHttpServers.create(bind, 50);
        this.backend = backend;
        this.faults = faults;
        this.calls = calls;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "coursesales-sim-" + port() + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(5)).build();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    void capture(boolean on) {
        capturing = on;
    }

    /** The SubmitRegistration requests captured so far, oldest first; they are forgotten. */
    java.util.List<CapturedRequest> takeCaptured() {
        java.util.List<CapturedRequest> out = new java.util.ArrayList<>();
        for (CapturedRequest r; (r = captured.poll()) != null; ) {
            out.add(r);
        }
        return out;
    }

    int maxConcurrentSubmissions() {
        return submissionsMax.get();
    }

    java.util.List<Long> submissionArrivals() {
        return java.util.List.copyOf(submissionArrivals);
    }

    void resetConcurrency() {
        submissionsMax.set(submissionsNow.get());
        submissionArrivals.clear();
    }

    String backendUrl() {
        return backend.toString();
    }

    int port() {
        return server.getAddress().getPort();
    }

    void start() {
        server.start();
    }

    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        byte[] body;
        try {
            body = exchange.getRequestBody().readAllBytes();
        } catch (IOException e) {
            exchange.close();
            return;
        }
        boolean soapCall = "POST".equalsIgnoreCase(exchange.getRequestMethod());
        String operation = soapCall ? operationOf(body) : null;
        boolean submission = SUBMIT_REGISTRATION.equals(operation);
        if (submission) {
            submissionArrivals.add(System.nanoTime());
            submissionsMax.accumulateAndGet(submissionsNow.incrementAndGet(), Math::max);
        }
        boolean[] answered = {false};
        try {
            handle(exchange, body, soapCall, operation, () -> {
                if (submission && !answered[0]) {
                    answered[0] = true;
                    submissionsNow.decrementAndGet();
                }
            });
        } finally {
            if (submission && !answered[0]) {
                submissionsNow.decrementAndGet();
            }
        }
    }

    /**
     * @param answered called once CourseSales has its answer (the call ends for the count of calls at once: the client
     *                 may read the answer and send its next call while this thread still writes and closes)
     */
    private void handle(HttpExchange exchange, byte[] body, boolean soapCall, String operation, Runnable answered) {
        try (exchange) {
            if (soapCall) {
                calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
                if (capturing && SUBMIT_REGISTRATION.equals(operation)) {
                    captured.add(new CapturedRequest(exchange.getRequestHeaders().getFirst("Content-Type"),
                            exchange.getRequestHeaders().getFirst("SOAPAction"), body));
                }
                if (faults.droppingConnections()) {
                    LOG.debug("CourseSales simulator: outage, closing the connection of {} unanswered", operation);
                    return; // closing an exchange whose headers were not sent closes the connection
                }
                Duration callDelay = faults.callDelay();
                if (!callDelay.isZero()) { // every call is slow, whatever CourseSales answers
                    Thread.sleep(callDelay.toMillis());
                }
                FaultInjection.CannedAnswer canned = faults.takeCanned();
                if (canned != null) {
                    LOG.info("CourseSales simulator: canned HTTP {} answer for {}", canned.status(), operation);
                    byte[] out = canned.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", canned.contentType());
                    exchange.sendResponseHeaders(canned.status(), out.length == 0 ? -1 : out.length);
                    exchange.getResponseBody().write(out);
                    return;
                }
                int status = faults.outageStatus();
                if (status != 0) {
                    LOG.info("CourseSales simulator: outage, HTTP {} for {}", status, operation);
                    exchange.sendResponseHeaders(status, -1);
                    return;
                }
                status = faults.takeHttpFailure();
                if (status != 0) {
                    LOG.info("CourseSales simulator: injected HTTP {} for {}", status, operation);
                    exchange.sendResponseHeaders(status, -1);
                    return;
                }
            }
            String injectedFault = soapCall ? faults.takeFault(operation) : null;
            Duration submissionDelay = faults.submissionDelay();
            if (SUBMIT_REGISTRATION.equals(operation) && !submissionDelay.isZero()) { // slow to store, then answers
                Thread.sleep(submissionDelay.toMillis());
            }
            HttpResponse<byte[]> response = forward(exchange, body, injectedFault);
            if (faults.responseDelay().isZero()) {
                answered.run();
            }
            if (SUBMIT_REGISTRATION.equals(operation) && response.statusCode() == 200 && faults.takeDrop()) {
                LOG.info("CourseSales simulator: document stored, closing the connection without a response");
                return; // closing an exchange whose headers were not sent closes the connection
            }
            Duration delay = faults.responseDelay();
            if (SUBMIT_REGISTRATION.equals(operation) && !delay.isZero()) { // stored, then the answer waits
                Thread.sleep(delay.toMillis());
            }
            response.headers().firstValue("Content-Type")
                    .ifPresent(v -> exchange.getResponseHeaders().add("Content-Type", v));
            byte[] out = response.body();
            Duration stall = soapCall ? faults.takeHalfAnswer(operation) : null;
            if (stall != null && out.length > 1) { // the headers and half the body, then silence or a closed connection
                LOG.info("CourseSales simulator: half an answer to {}, then {}", operation,
                        stall.isZero() ? "the connection closes" : "a stall of " + stall);
                exchange.sendResponseHeaders(response.statusCode(), out.length);
                exchange.getResponseBody().write(out, 0, out.length / 2);
                exchange.getResponseBody().flush();
                Thread.sleep(stall.toMillis());
                return;
            }
            exchange.sendResponseHeaders(response.statusCode(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.warn("CourseSales simulator: request failed: {}", e.toString());
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body, String injectedFault)
            throws IOException, InterruptedException {
        URI requestUri = exchange.getRequestURI();
        URI target = backend.resolve(requestUri.getRawPath()
                + (requestUri.getRawQuery() == null ? "" : "?" + requestUri.getRawQuery()));
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        for (String name : FORWARDED_HEADERS) {
            String value = exchange.getRequestHeaders().getFirst(name);
            if (value != null) {
                request.header(name, value);
            }
        }
        if (injectedFault != null) {
            request.header(SimulatedCourseSales.INJECTED_FAULT_HEADER, injectedFault);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The local name of the first element in the SOAP Body, or "unknown". */
    static String operationOf(byte[] body) {
        try (InputStream in = new ByteArrayInputStream(body)) {
            XMLStreamReader reader = XML.createXMLStreamReader(in);
            boolean inBody = false;
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamReader.START_ELEMENT) {
                    if (inBody) {
                        return reader.getLocalName();
                    }
                    inBody = "Body".equals(reader.getLocalName());
                }
            }
        } catch (XMLStreamException | IOException | RuntimeException e) {
            // not a SOAP message: counted as unknown, forwarded as is
        }
        return "unknown";
    }

    private static XMLInputFactory xmlInputFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }
}
