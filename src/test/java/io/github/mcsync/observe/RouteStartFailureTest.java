package io.github.mcsync.observe;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mcsync.Fixtures;
import io.github.mcsync.SyncHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: a route that cannot start does not stop the application. A route file dropped into the routes folder
 * (routes.location=file:...) reads a directory that is not mounted: the supervising route controller keeps starting it
 * again with back-off, readiness is DOWN naming the route (Camel's routes check), liveness stays UP and the feed runs;
 * once the directory is there the route starts by itself and readiness is UP.
 */
class RouteStartFailureTest {
    @TempDir
    Path stateDir;
    @TempDir
    Path routesDir;
    @TempDir
    Path mounts;

    @Test
    void aRouteThatCannotStartIsDownInReadinessByNameWhileTheRestRuns() throws Exception {
        Fixtures.copyRoutes(routesDir);
        Path inbox = mounts.resolve("inbox"); // not there yet: the volume is not mounted
        Files.writeString(routesDir.resolve("inbox.camel.yaml"), """
                - route:
                    id: importInbox
                    from:
                      uri: file:%s
                      parameters:
                        startingDirectoryMustExist: true
                        autoCreate: false
                        noop: true
                      steps:
                        - to: log:inbox
                """.formatted(inbox.toAbsolutePath()));
        try (SyncHarness sync = new SyncHarness(stateDir).with("moodle.courses", "2")
                .with("routes.location", "file:" + routesDir.toAbsolutePath())
                .with("camel.routecontroller.back-off-delay", "300")
                .with("camel.routecontroller.back-off-multiplier", "1").start()) {
            Observe observe = new Observe(sync.managementUrl());
            Observe.Answer ready = observe.get("/observe/health/ready");
            assertEquals(503, ready.status(), ready.body());
            JsonNode route = ready.check("route:importInbox");
            assertNotNull(route, ready.body());
            assertEquals("DOWN", route.path("status").asText(), ready.body());
            JsonNode poll = ready.check("route:pollMoodle");
            assertNotNull(poll, ready.body());
            assertEquals("UP", poll.path("status").asText(), "the other routes run: " + ready.body());
            assertEquals(200, observe.get("/observe/health/live").status(), "no restart for a route that cannot start");
            assertEquals(ServiceStatus.Stopped, sync.app().context().getRouteController().getRouteStatus("importInbox"));
            assertEquals("poll 1: 3 new, 3 sent, 0 dead-lettered", sync.poll().summary(), "the feed runs meanwhile");

            Files.createDirectories(inbox); // mounted: started again by the supervising route controller
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> observe.get("/observe/health/ready").status() == 200);
            Observe.Answer up = observe.get("/observe/health/ready");
            assertEquals("UP", up.check("route:importInbox").path("status").asText(), up.body());
            assertTrue(sync.app().context().getRouteController().getRouteStatus("importInbox").isStarted());
        }
    }
}
