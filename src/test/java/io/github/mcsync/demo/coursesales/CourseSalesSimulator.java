package io.github.mcsync.demo.coursesales;

import io.github.mcsync.FreePorts;
import io.github.mcsync.coursesales.soap.CourseSalesService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CourseSales.com SOAP server built from the contract's WSDL (CXF on undertow) for the demo profile and
 * tests: {@code start(port)} publishes {@code http://127.0.0.1:<port>/soap/v1}. Requests reach a small HTTP
 * front that counts calls and applies injected failures, then the CXF endpoint on an internal port.
 * Thread-safe; several instances may run in one JVM. Never used by production code. The licence data
 * (login, forms, processes, options, course dates) is edited with the methods of {@link SimulatedLicence}.
 */
public final class CourseSalesSimulator extends SimulatedLicence implements AutoCloseable {

    public static final String PATH = "/soap/v1";
    private static final Logger LOG = LoggerFactory.getLogger(CourseSalesSimulator.class);
    private static final String HOST = "127.0.0.1";

    private final FaultInjection faults = new FaultInjection();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private SimulatorFront front;
    private Server server;
    private Bus bus;
    private String url;

    /** An empty licence: no credentials, forms, processes, options or course dates until set. */
    public CourseSalesSimulator() {
    }

    /** A simulator seeded with {@link CourseSalesDemoData} (not started). */
    public static CourseSalesSimulator withDemoData() {
        CourseSalesSimulator sim = new CourseSalesSimulator();
        CourseSalesDemoData.seed(sim);
        return sim;
    }

    // ----- lifecycle -----

    /** Starts on 127.0.0.1:port (0 = a free port) and returns this. */
    public synchronized CourseSalesSimulator start(int port) {
        if (front != null) {
            throw new IllegalStateException("The CourseSales simulator is already running at " + url);
        }
        Bus threadBus = BusFactory.getThreadDefaultBus(false);
        try {
            front = new SimulatorFront(new InetSocketAddress(InetAddress.getByName(HOST), port),
                    URI.create("http://" + HOST + ":" + FreePorts.next()), faults, calls);
            url = "http://" + HOST + ":" + front.port() + PATH;
            bus = BusFactory.newInstance().createBus();
            if (BusFactory.getDefaultBus(false) == bus) {
                BusFactory.setDefaultBus(null); // keep the simulator's bus away from clients in the same JVM
            }
            server = publish(bus, front.backendUrl() + PATH);
            front.start();
            LOG.info("CourseSales simulator listening at {}", url);
            return this;
        } catch (IOException | RuntimeException e) {
            stop();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        } finally {
            BusFactory.setThreadDefaultBus(threadBus);
        }
    }

    private Server publish(Bus onBus, String address) {
        JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
        factory.setBus(onBus);
        factory.setServiceClass(SimulatedCourseSales.class);
        factory.setServiceBean(new SimulatedCourseSales(state));
        factory.setWsdlLocation("classpath:wsdl/coursesales.wsdl");
        factory.setServiceName(CourseSalesService.SERVICE);
        factory.setEndpointName(CourseSalesService.CourseSalesPort);
        factory.setAddress(address);
        factory.getProperties(true).put("schema-validation-enabled", "IN");
        factory.getProperties().put("publishedEndpointUrl", url);
        factory.getOutFaultInterceptors().add(new FaultCodeInterceptor());
        return factory.create();
    }

    /** The public endpoint URL, e.g. http://127.0.0.1:41234/soap/v1. */
    public synchronized String url() {
        if (url == null) {
            throw new IllegalStateException("The CourseSales simulator is not running");
        }
        return url;
    }

    public synchronized int port() {
        return URI.create(url()).getPort();
    }

    public synchronized boolean isRunning() {
        return front != null;
    }

    /** Stops the simulator; the data stays, so it may be started again. */
    public synchronized void stop() {
        if (front != null) {
            front.stop();
        }
        if (server != null) {
            server.destroy();
        }
        if (bus != null) {
            bus.shutdown(true);
        }
        front = null;
        server = null;
        bus = null;
        url = null;
    }

    @Override
    public void close() {
        stop();
    }

    // ----- observation -----

    /** Every stored document, oldest first (a snapshot). */
    public List<StoredDocument> documents() {
        return state.documents();
    }

    /** Documents stored with exactly this SourceReference. */
    public int documentCount(String sourceReference) {
        return (int) state.documents().stream().filter(d -> sourceReference.equals(d.sourceReference())).count();
    }

    public void clearDocuments() {
        state.clearDocuments();
    }

    /** SOAP requests received for an operation (e.g. "SubmitRegistration"), injected failures included. */
    public int callCount(String operationName) {
        AtomicInteger n = calls.get(operationName);
        return n == null ? 0 : n.get();
    }

    public void resetCallCounts() {
        calls.clear();
    }

    // ----- fault injection (HTTP level, counted exactly) -----

    /** The next n SOAP requests (POSTs) get this HTTP status with no body, before reaching CourseSales. */
    public void failNextCalls(int n, int httpStatus) {
        faults.failNext(n, httpStatus);
    }

    /** The next n SOAP requests answer this CourseSales fault (e.g. RATE_LIMITED, INTERNAL_ERROR). */
    public void faultNextCalls(int n, String code) {
        faults.faultNext(n, code);
    }

    /** The next n SubmitRegistration calls (only those) answer this CourseSales fault (e.g. FIELD_INACTIVE). */
    public void faultNextSubmissions(int n, String code) {
        faults.faultNext(n, code, SimulatorFront.SUBMIT_REGISTRATION);
    }

    /** Every SOAP request for this long from now gets this HTTP status with no body (an outage, e.g. 503). */
    public void unavailableFor(Duration window, int httpStatus) {
        faults.unavailableUntil(java.time.Instant.now().plus(window), httpStatus);
    }

    /**
     * SubmitRegistration reaches CourseSales only after this delay: it stores the document then, and answers at once
     * (a client with a shorter receive time-out has given up by then). Duration.ZERO to stop.
     */
    public void setSubmissionDelay(Duration delay) {
        faults.setSubmissionDelay(delay);
    }

    /**
     * The next n answers to this operation (e.g. "SubmitRegistration", "GetForm") send their headers and half their
     * body, then stall for {@code stall} before the connection closes short of its length (Duration.ZERO: at once).
     */
    public void halfAnswerNext(int n, String operation, Duration stall) {
        faults.halfAnswerNext(n, operation, stall);
    }

    /**
     * The next n SubmitRegistration calls that CourseSales accepts store their document, then the connection
     * is closed without any response. Calls answered with a fault do not use up n.
     */
    public void dropResponseAfterAccept(int n) {
        faults.dropNext(n);
    }

    /** Delays every response (after the request was processed) by this much; Duration.ZERO to stop. */
    /** SubmitRegistration answers only after this delay, the document already stored (other operations answer at once). */
    public void setResponseDelay(Duration delay) {
        faults.setResponseDelay(delay);
    }

    /**
     * The next n SOAP requests get this answer as is (HTTP status, Content-Type and body) before CourseSales sees
     * them, e.g. an HTML page, or a SOAP fault of another shape than the contract's.
     */
    public void answerNextCalls(int n, int httpStatus, String contentType, String body) {
        faults.answerNext(n, new FaultInjection.CannedAnswer(httpStatus, contentType, body));
    }

    /** Every SOAP call (any operation, refused or not) is answered only after this delay; Duration.ZERO to stop. */
    public void setCallDelay(Duration delay) {
        faults.setCallDelay(delay);
    }

    /** Until called with false: every SOAP request's connection is closed unanswered, before CourseSales sees it. */
    public void setDroppingConnections(boolean dropping) {
        faults.setDroppingConnections(dropping);
    }

    /**
     * Keeps (or stops keeping) every SubmitRegistration request exactly as received: {@link #takeCapturedSubmissions}
     * hands them out (the benchmark's ceiling posts the bundle's own envelopes again).
     */
    public synchronized void captureSubmissions(boolean on) {
        if (front == null) {
            throw new IllegalStateException("The CourseSales simulator is not running");
        }
        front.capture(on);
    }

    /** The captured SubmitRegistration requests (Content-Type, SOAPAction, body), oldest first; they are forgotten. */
    public synchronized List<CapturedSubmission> takeCapturedSubmissions() {
        if (front == null) {
            return List.of();
        }
        return front.takeCaptured().stream()
                .map(r -> new CapturedSubmission(r.contentType(), r.soapAction(), r.body())).toList();
    }

    /** One SubmitRegistration request as it arrived. */
    public record CapturedSubmission(String contentType, String soapAction, byte[] body) {
    }

    /** The most SubmitRegistration calls that were being answered at once since the start or the last reset. */
    public int maxConcurrentSubmissions() {
        return front().maxConcurrentSubmissions();
    }

    /** When each SubmitRegistration arrived since the start or the last reset (System.nanoTime()), oldest first. */
    public List<Long> submissionArrivals() {
        return front().submissionArrivals();
    }

    public void resetConcurrency() {
        front().resetConcurrency();
    }

    private synchronized SimulatorFront front() {
        if (front == null) {
            throw new IllegalStateException("the simulator is not started");
        }
        return front;
    }

    public void clearInjectedFailures() {
        faults.clear();
    }

    /** Runs the demo simulator: {@code java ... CourseSalesSimulator [port]} (default 8090). */
    public static void main(String[] args) throws InterruptedException {
        CourseSalesSimulator sim = withDemoData().start(args.length > 0 ? Integer.parseInt(args[0]) : 8090);
        Runtime.getRuntime().addShutdownHook(new Thread(sim::stop));
        Thread.currentThread().join();
    }
}
