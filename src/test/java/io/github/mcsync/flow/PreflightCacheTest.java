package io.github.mcsync.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mcsync.SyncHarness;
import io.github.mcsync.ops.OpsClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, item 4: GET /api/preflight costs no login per request. Its CourseSales part comes from the metadata cache
 * when that is at most ops.preflight.max-age old, and is fetched at most once per max-age otherwise; the command-line
 * preflight fetches it fresh, once.
 */
class PreflightCacheTest extends FlowTestSupport {

    private static String courseSalesLine(JsonNode report) {
        for (JsonNode c : report.get("checks")) {
            if (c.get("item").asText().startsWith("CourseSales")) {
                return c.get("status").asText() + " " + c.get("detail").asText();
            }
        }
        throw new AssertionError(report.toString());
    }

    /** GetProcess is called once per metadata refresh. */
    private int refreshes() {
        return sync.courseSales.callCount("GetProcess");
    }

    @Test
    void manyPreflightRequestsShareOneRefreshAMinute() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").with("ops.preflight.max-age", "3s").start();
        OpsClient ops = OpsClient.of(sync);
        assertEquals(3, sync.poll().sentCount()); // the poll fetched the metadata
        sync.courseSales.resetCallCounts();

        for (int i = 0; i < 20; i++) {
            JsonNode r = ops.get("/api/preflight").json();
            assertTrue(courseSalesLine(r).startsWith("PASS") && courseSalesLine(r).contains("cached"), courseSalesLine(r));
        }
        assertEquals(0, refreshes(), "fresh enough: served from the cache");

        Thread.sleep(3100); // older than max-age now: twenty requests at once share one refresh
        List<CompletableFuture<JsonNode>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(CompletableFuture.supplyAsync(() -> ops.get("/api/preflight").json()));
        }
        for (CompletableFuture<JsonNode> a : answers) {
            assertTrue(courseSalesLine(a.get()).startsWith("PASS"), courseSalesLine(a.get()));
        }
        assertEquals(1, refreshes(), "one refresh for twenty requests");

        sync.app().preflight(); // the command line fetches fresh, once
        assertEquals(2, refreshes());
    }

    @Test
    void aWrongPasswordCostsOneFailedLoginHoweverOftenThePreflightIsAsked() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").with("coursesales.password", "not-it-123").start();
        OpsClient ops = OpsClient.of(sync);
        List<CompletableFuture<JsonNode>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(CompletableFuture.supplyAsync(() -> ops.get("/api/preflight").json()));
        }
        for (CompletableFuture<JsonNode> a : answers) {
            String line = courseSalesLine(a.get());
            assertTrue(line.startsWith("FAIL") && line.contains("AUTHENTICATION_FAILED"), line);
        }
        for (int i = 0; i < 10; i++) {
            assertTrue(courseSalesLine(ops.get("/api/preflight").json()).contains("not tried"));
        }
        assertEquals(1, sync.courseSales.failedLoginAttempts());
    }

    @Test
    void aFailedCheckIsNotRepeatedWithinMaxAge() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").start();
        OpsClient ops = OpsClient.of(sync);
        assertEquals(3, sync.poll().sentCount()); // login verified
        sync.app().context().getRegistry().lookupByNameAndType("metadataCache",
                io.github.mcsync.coursesales.MetadataCache.class).invalidate();
        sync.courseSales.failNextCalls(1, 503);
        sync.courseSales.resetCallCounts();

        String first = courseSalesLine(ops.get("/api/preflight").json());
        assertTrue(first.startsWith("FAIL") && first.contains("HTTP_503"), first);
        for (int i = 0; i < 5; i++) {
            String again = courseSalesLine(ops.get("/api/preflight").json());
            assertTrue(again.contains("not checked again before") && again.contains("HTTP_503"), again);
        }
        assertEquals(1, sync.courseSales.callCount("GetForm"), "one try per minute");
    }
}
