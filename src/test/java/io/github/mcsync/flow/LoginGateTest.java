package io.github.mcsync.flow;

import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.PASSWORD;
import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.USERNAME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mcsync.SyncHarness;
import io.github.mcsync.demo.coursesales.StoredDocument;
import io.github.mcsync.demo.moodle.SimulatedUser;
import io.github.mcsync.feed.PollRun;
import io.github.mcsync.ops.OpsClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 8, items 1 and 3: every CourseSales call goes through one login gate (routes/coursesales-send.camel.yaml,
 * callCourseSales). After a start, a resume or a configuration change the calls pass one at a time until one
 * succeeds; a caller that finds the CourseSales halt set, even after waiting, answers HALTED and costs no login. A
 * refusal the contract does not describe halts exactly as a refused login does.
 */
class LoginGateTest extends FlowTestSupport {
    private static final List<String> OPERATIONS = List.of("GetForm", "GetProcess", "GetOptions", "GetCourseDates",
            "SubmitRegistration", "FindDocuments");
    private OpsClient ops;

    private int courseSalesCalls() {
        return OPERATIONS.stream().mapToInt(sync.courseSales::callCount).sum();
    }

    private String enrolNewStudent(String username) {
        long id = sync.moodle.addUser(SimulatedUser.builder(username).firstname("Student").lastname(username)
                .email(username + "@example.com").build());
        sync.moodle.enrol(2, id, "student");
        return "moodle:c2:u" + id;
    }

    /** PHYS101's three students delivered, and one more dead-lettered (FIELD_INACTIVE): dead letter 1. */
    private void startWithADeadLetter() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").with("coursesales.concurrency", "1").start();
        ops = OpsClient.of(sync);
        assertEquals(3, sync.poll().sentCount());
        enrolNewStudent("refused.first");
        sync.courseSales.faultNextSubmissions(1, "FIELD_INACTIVE");
        assertEquals(1, sync.poll().deadLetteredCount());
    }

    /** A poll, a replay (HTTP) and a preflight (HTTP) fired at the same moment. */
    private record AtOnce(PollRun poll, JsonNode replay, JsonNode preflight) {
        String preflightLogin() {
            for (JsonNode c : preflight.get("checks")) {
                if (c.get("item").asText().startsWith("CourseSales")) {
                    return c.get("status").asText() + " " + c.get("detail").asText();
                }
            }
            throw new AssertionError("no CourseSales line: " + preflight);
        }
    }

    private AtOnce fireAtOnce() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<PollRun> poll = CompletableFuture.supplyAsync(when(go, () -> sync.poll()));
        CompletableFuture<JsonNode> replay = CompletableFuture.supplyAsync(
                when(go, () -> ops.post("/api/dead-letters/1/replay").json()));
        CompletableFuture<JsonNode> preflight = CompletableFuture.supplyAsync(when(go, () -> ops.get("/api/preflight").json()));
        Thread.sleep(200); // all three waiting at the start line
        go.countDown();
        return new AtOnce(poll.get(60, TimeUnit.SECONDS), replay.get(60, TimeUnit.SECONDS),
                preflight.get(60, TimeUnit.SECONDS));
    }

    private static <T> Supplier<T> when(CountDownLatch go, Supplier<T> call) {
        return () -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return call.get();
        };
    }

    private void assertEveryCallerAnsweredHalted(AtOnce answers) {
        assertEquals("HALTED", answers.poll().outcome(), answers.poll().summary());
        assertTrue(answers.poll().haltedReason().startsWith("AUTHENTICATION_FAILED"), answers.poll().summary());
        JsonNode outcome = answers.replay().get("outcomes").get(0);
        assertTrue(List.of("HALTED", "FEED_HALTED").contains(outcome.get("outcome").asText()), outcome.toString());
        assertTrue(outcome.get("reasonText").asText().contains("AUTHENTICATION_FAILED"), outcome.toString());
        assertTrue(answers.preflightLogin().startsWith("FAIL") && answers.preflightLogin().contains("AUTHENTICATION_FAILED"),
                answers.preflightLogin());
        assertEquals("NEW", sync.deadLetters().get(0).get("STATUS"), "the dead letter waits for the next replay");
        assertEquals(3, sync.courseSales.documents().size(), "nothing was registered");
    }

    @Test
    void aPollAReplayAndAPreflightAtTheSameMomentAfterThePasswordChangedCostOneFailedLogin() throws Exception {
        startWithADeadLetter();
        String waiting = enrolNewStudent("waiting.one");
        sync.with("coursesales.password", "changed-by-mistake").restart(); // the configuration changed: unverified
        sync.courseSales.setCallDelay(Duration.ofMillis(1500)); // CourseSales is slow to refuse: the others arrive meanwhile
        sync.courseSales.resetCallCounts();

        AtOnce answers = fireAtOnce();

        assertEquals(1, sync.courseSales.failedLoginAttempts(), "exactly one failed login");
        assertEquals(1, courseSalesCalls(), "one call reached CourseSales: the two callers that waited in the gate"
                + " made none, and answer HALTED with the reason of the one refusal");
        assertFalse(sync.courseSales.isLocked());
        assertEveryCallerAnsweredHalted(answers);
        sync.courseSales.setCallDelay(Duration.ZERO);
        sync.with("coursesales.password", PASSWORD).restart(); // corrected: the halt is lifted, the feed goes on
        assertEquals(1, sync.poll().sentCount());
        assertEquals("DELIVERED", ops.post("/api/dead-letters/1/replay").json().get("outcomes").get(0).get("outcome").asText());
        assertEquals(1, sync.courseSales.documentCount(waiting));
        assertEquals(1, sync.courseSales.failedLoginAttempts());
    }

    @Test
    void afterAResumeTheLoginIsUnverifiedAgain() throws Exception {
        startWithADeadLetter();
        sync.courseSales.setCredentials(USERNAME, "rotated-in-coursesales");
        enrolNewStudent("waiting.two");
        assertEquals("HALTED", sync.poll().outcome());
        assertEquals(1, sync.courseSales.failedLoginAttempts());

        // resumed while the password is still wrong: the three at once cost one more failed login, not three
        assertEquals(200, ops.post("/api/resume").status());
        sync.courseSales.setCallDelay(Duration.ofMillis(1500));
        sync.courseSales.resetCallCounts();
        AtOnce answers = fireAtOnce();

        assertEquals(2, sync.courseSales.failedLoginAttempts(), "one failed login per resume");
        assertEquals(1, courseSalesCalls());
        assertFalse(sync.courseSales.isLocked(), "three in a row would have locked it");
        assertEveryCallerAnsweredHalted(answers);
    }

    private static final String SOAP = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>";
    private static final String END = "</soap:Body></soap:Envelope>";

    static Stream<Arguments> unknownRefusals() {
        return Stream.of(
                refusal("a SOAP Client fault without our detail", "SOAP_CLIENT_FAULT", s -> s.answerNextCalls(1, 500,
                        "text/xml", SOAP + "<soap:Fault><faultcode>soap:Client</faultcode><faultstring>Invalid login"
                                + "</faultstring></soap:Fault>" + END)),
                refusal("a fault code the contract does not know", "LOGIN_EXPIRED", s -> s.answerNextCalls(1, 500,
                        "text/xml", SOAP + "<soap:Fault><faultcode>soap:Client</faultcode><faultstring>Expired</faultstring>"
                                + "<detail><CourseSalesFault xmlns=\"urn:coursesales:webservices:v1\"><Code>LOGIN_EXPIRED"
                                + "</Code><Message>The login expired</Message></CourseSalesFault></detail></soap:Fault>" + END)),
                refusal("HTTP 401", "HTTP_401", s -> s.failNextCalls(1, 401)),
                refusal("HTTP 403", "HTTP_403", s -> s.failNextCalls(1, 403)),
                refusal("an HTML login page", "UNPARSABLE_ANSWER", s -> s.answerNextCalls(1, 200, "text/html",
                        "<html><body><form>Log in</form></body></html>")),
                refusal("another element than the operation's answer", "UNPARSABLE_ANSWER", s -> s.answerNextCalls(1,
                        200, "text/xml", SOAP + "<LoginRequired xmlns=\"urn:other\"/>" + END)));
    }

    private static Arguments refusal(String what, String code, Consumer<io.github.mcsync.demo.coursesales.CourseSalesSimulator> answer) {
        return Arguments.of(what, code, answer);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownRefusals")
    void anUnknownRefusalHaltsLikeARefusedLoginAndIsNeverRetried(String what, String code,
            Consumer<io.github.mcsync.demo.coursesales.CourseSalesSimulator> answer) throws Exception {
        // an answer we cannot read leaves the submission's outcome unknown: it is looked up only after
        // receive-timeout + unknown-outcome-grace (short here), never sent again blindly
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").with("coursesales.receive-timeout", "1s")
                .with("coursesales.unknown-outcome-grace", "0s").with("coursesales.concurrency", "1").start();
        ops = OpsClient.of(sync);
        assertEquals(3, sync.poll().sentCount()); // login verified, metadata cached
        List<String> waiting = List.of(enrolNewStudent("w.one"), enrolNewStudent("w.two"), enrolNewStudent("w.three"));
        sync.courseSales.resetCallCounts();
        answer.accept(sync.courseSales);

        PollRun refused = sync.poll();

        assertEquals("HALTED", refused.outcome(), refused.summary());
        assertTrue(refused.haltedReason().startsWith(code), refused.summary());
        assertEquals(1, sync.courseSales.callCount("SubmitRegistration"), "not retried, not tried for the next records");
        assertEquals(List.of(), sync.deadLetters(), "nothing dead-lettered: the records wait at their source");
        assertEquals(3, sync.doneKeys().size());
        JsonNode status = ops.get("/api/status").json();
        assertEquals("HALTED", status.get("state").asText());
        assertEquals(code, status.get("halts").get(0).get("code").asText(), status.toString());
        assertEquals("REFUSED", status.get("halts").get(0).get("state").asText(), status.toString());

        assertEquals("HALTED", sync.poll().outcome());
        String preflight = ops.get("/api/preflight").body();
        assertTrue(preflight.contains("not tried, CourseSales is halted: " + code), preflight);
        assertEquals(1, courseSalesCalls(), "neither the next poll nor the preflight calls CourseSales");

        assertEquals("RUNNING", ops.post("/api/resume").json().get("state").asText()); // CourseSales answers again
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            sync.poll();
            waiting.forEach(ref -> assertEquals(1, sync.courseSales.documentCount(ref), ref));
        });
        List<String> refs = sync.courseSales.documents().stream().map(StoredDocument::sourceReference).toList();
        assertEquals(refs.stream().distinct().count(), refs.size(), "no duplicate: " + refs);
    }
}
