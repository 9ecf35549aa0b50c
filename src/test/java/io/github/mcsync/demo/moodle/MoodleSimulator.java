package io.github.mcsync.demo.moodle;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Moodle 4.5 REST web service over real HTTP on 127.0.0.1, answering like the captured fixtures
 * (core_webservice_get_site_info, core_course_get_courses, core_course_get_categories,
 * core_enrol_get_enrolled_users, core_user_get_users_by_field, core_enrol_get_users_courses), with mutable site data and fault injection for tests and the demo.
 * Several instances may run in one JVM; all methods are thread-safe.
 *
 * <pre>{@code
 * try (MoodleSimulator moodle = MoodleSimulator.withFixtureData().start(0)) {
 *     long user = moodle.addUser(SimulatedUser.builder("new.student").firstname("New").lastname("Student")
 *             .email("new@example.com").build());
 *     moodle.enrol(2, user, "student");
 *     // GET moodle.restUrl() + "?wstoken=" + MoodleSimulator.DEMO_TOKEN + "&wsfunction=...&moodlewsrestformat=json"
 * }
 * }</pre>
 */
public final class MoodleSimulator implements AutoCloseable {

    /** The token both constructors accept until {@link #setToken} changes it (not a real-looking token). */
    public static final String DEMO_TOKEN = "demo-token-0123456789abcdef";
    /** The fixture capture's reference "now" (2026-11-23T10:58:24Z): the default clock of every simulator. */
    public static final long REFERENCE_NOW = 1795431504L;
    /** The REST endpoint's path below {@link #baseUrl()}. */
    public static final String REST_PATH = MoodleHttpHandler.REST_PATH;

    private static final Logger LOG = LoggerFactory.getLogger(MoodleSimulator.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final MoodleSiteData site = new MoodleSiteData();
    private final RequestLog requests = new RequestLog();
    private final MoodleHttpHandler handler;
    private volatile String token = DEMO_TOKEN;
    private volatile String baseUrl;
    private HttpServer server;
    private ExecutorService executor;

    /** A freshly installed site: front page course 1, "Category 1", users guest (1) and admin (2). */
    public MoodleSimulator() {
        MoodleFixtureSeed.install(site);
        handler = new MoodleHttpHandler(new MoodleFunctions(site, this::baseUrl), () -> token, requests);
    }

    /** The captured site: categories 1-4, courses 1-5, users 1-10 and their enrolments (see NOTES.txt). */
    public static MoodleSimulator withFixtureData() {
        MoodleSimulator simulator = new MoodleSimulator();
        MoodleFixtureSeed.populate(simulator.site);
        return simulator;
    }

    // ---- lifecycle

    /** Starts listening on 127.0.0.1:{@code port} (0 = a free port). */
    public synchronized MoodleSimulator start(int port) {
        if (server != null) {
            throw new IllegalStateException("Already started at " + baseUrl);
        }
        try {
            server = io.github.mcsync.demo.LoopbackHttpServers.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port, e);
        }
        int instance = INSTANCES.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "moodle-sim-" + instance + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", handler);
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        LOG.info("Moodle simulator listening at {}{}", baseUrl, REST_PATH);
        return this;
    }

    /** E.g. {@code http://127.0.0.1:PORT}; also the site's wwwroot in responses (siteurl, image URLs). */
    public String baseUrl() {
        String url = baseUrl;
        if (url == null) {
            throw new IllegalStateException("Moodle simulator not started");
        }
        return url;
    }

    /** {@code baseUrl() + "/webservice/rest/server.php"}. */
    public String restUrl() {
        return baseUrl() + REST_PATH;
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
            baseUrl = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    // ---- token, clock

    public void setToken(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    /** Fixes "now" (epoch seconds), which decides which enrolments are active. */
    public void setNow(long epochSeconds) {
        site.setNow(epochSeconds);
    }

    public void useSystemClock() {
        site.useSystemClock();
    }

    public long now() {
        return site.now();
    }

    // ---- site data

    /** @return the new user's id */
    public long addUser(SimulatedUser user) {
        return site.addUser(user);
    }

    /** Changes a user's profile, as an administrator editing it in Moodle (e.g. fills in a missing email). */
    public void updateUser(long id, SimulatedUser user) {
        site.updateUser(id, user);
    }

    /** Deletes a user as Moodle does: the enrolments go, core_user_get_users_by_field no longer lists the user. */
    public void deleteUser(long id) {
        site.deleteUser(id);
    }

    /** Defines (or renames) a text custom profile field. */
    public void defineProfileField(String shortname, String name) {
        site.defineProfileField(shortname, name);
    }

    /**
     * @param parentId 0 for a top-level category
     * @return the new category's id
     */
    public long addCategory(String name, String idnumber, long parentId) {
        return site.addCategory(new SimulatedCategory(name, idnumber, "", parentId, site.now()));
    }

    /** @return the new course's id */
    public long addCourse(SimulatedCourse course) {
        return site.addCourse(course);
    }

    /** @return the new course's id */
    public long addCourse(String shortname, String fullname, String idnumber, long categoryId, boolean visible) {
        return addCourse(SimulatedCourse.builder(shortname, fullname, categoryId).idnumber(idnumber)
                .visible(visible).build());
    }

    /** An active enrolment without start or end; see {@link #enrol(long, long, String, boolean, long, long)}. */
    public long enrol(long courseId, long userId, String roleShortname) {
        return enrol(courseId, userId, roleShortname, false, 0, 0);
    }

    /**
     * Like enrol_manual_enrol_users: creates the enrolment, or on an existing one overwrites status and times,
     * and assigns the role (e.g. "student", "editingteacher") in the course.
     *
     * @param timestart epoch seconds, 0 = no start
     * @param timeend   epoch seconds, 0 = no end
     * @return the user_enrolments id
     */
    public long enrol(long courseId, long userId, String roleShortname, boolean suspended, long timestart,
                      long timeend) {
        return site.enrol(courseId, userId, MoodleRole.byShortname(roleShortname), suspended, timestart, timeend);
    }

    public void setEnrolmentSuspended(long courseId, long userId, boolean suspended) {
        site.setEnrolmentSuspended(courseId, userId, suspended);
    }

    public void setEnrolmentTimes(long courseId, long userId, long timestart, long timeend) {
        site.setEnrolmentTimes(courseId, userId, timestart, timeend);
    }

    /**
     * Moodle leaves this user out of core_enrol_get_enrolled_users answers after applying limitfrom/limitnumber (as
     * when the web-service user may not see them), so the page that held them comes back short.
     */
    public void hideFromWebService(long userId, boolean hidden) {
        site.setHiddenFromWebService(userId, hidden);
    }

    /** Deletes the enrolment and its role assignments; false when the user was not enrolled. */
    public boolean unenrol(long courseId, long userId) {
        return site.unenrol(courseId, userId);
    }

    // ---- fault injection and request log

    /** The next {@code n} requests (any function) fail with {@code kind}, after those already queued. */
    public void failNext(int n, MoodleFailure kind) {
        handler.failNext(n, kind);
    }

    /** The next {@code okRequests} requests are answered normally, then one fails with {@code kind}. */
    public void failAfter(int okRequests, MoodleFailure kind) {
        handler.failAfter(okRequests, kind);
    }

    /**
     * Every later request that {@code which} matches fails with {@code kind}, until {@link #clearFailures()} (after
     * the failures queued by {@link #failNext}), e.g. one course's enrolled users: {@link #enrolledUsersOf(long)}.
     */
    public void failWhen(java.util.function.Predicate<RecordedRequest> which, MoodleFailure kind) {
        handler.failWhen(which, kind);
    }

    /** Matches core_enrol_get_enrolled_users requests for one course (any page, any options). */
    public static java.util.function.Predicate<RecordedRequest> enrolledUsersOf(long courseId) {
        return r -> "core_enrol_get_enrolled_users".equals(r.wsfunction())
                && Long.toString(courseId).equals(r.parameters().value("courseid"));
    }

    public void clearFailures() {
        handler.clearFailures();
    }

    /**
     * Runs {@code listener} for every request after it is recorded and before it is answered (null: none), e.g. to
     * look at other systems at that moment or to change site data while a client pages through a list.
     */
    public void beforeAnswering(java.util.function.Consumer<RecordedRequest> listener) {
        handler.beforeAnswering(listener);
    }

    /** How long a {@link MoodleFailure#SLOW} request waits before answering (default 5 s). */
    public void setSlowDelay(Duration delay) {
        handler.setSlowDelay(delay);
    }

    /** Requests received for {@code wsfunction} (null: those without one), failed ones included. */
    public int requestCount(String wsfunction) {
        return requests.count(wsfunction);
    }

    /** Every request received, in arrival order. */
    public List<RecordedRequest> requests() {
        return requests.all();
    }

    /** The last request's decoded parameters ({@code options[0][name]} style names), empty if none. */
    public Map<String, String> lastRequestParameters() {
        return requests.last().map(r -> r.parameters().asFlatMap()).orElse(Map.of());
    }

    public void clearRequests() {
        requests.clear();
    }
}
