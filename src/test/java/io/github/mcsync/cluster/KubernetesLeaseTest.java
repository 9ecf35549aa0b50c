package io.github.mcsync.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.github.mcsync.SyncHarness;
import io.github.mcsync.deadletter.StoreDatabases;
import io.github.mcsync.demo.coursesales.CourseSalesSimulator;
import io.github.mcsync.demo.moodle.MoodleSimulator;
import io.github.mcsync.observe.Observe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 11 (b): cluster.type=kubernetes against the fabric8 Kubernetes mock server in CRUD mode (it keeps the Lease
 * and enforces its resourceVersion): of two replicas on one state database one leads, and the other leads once the
 * leader's pod stops.
 */
class KubernetesLeaseTest {
    private static final Logger LOG = LoggerFactory.getLogger(KubernetesLeaseTest.class);
    private static final String NAMESPACE = "sync";
    private static final Duration LEASE = Duration.ofSeconds(3);

    @TempDir
    Path dir;
    private KubernetesMockServer server;
    private SyncHarness a;
    private SyncHarness b;

    @AfterEach
    void close() throws Exception {
        for (SyncHarness h : new SyncHarness[] {a, b}) {
            if (h != null) {
                h.close();
            }
        }
        if (server != null) {
            server.destroy();
        }
    }

    @Test
    void oneOfTwoPodsLeadsAndTheOtherTakesOverWhenItStops() throws Exception {
        String url = StoreDatabases.postgresSchemaUrl();
        assumeTrue(url != null, () -> "skipped: " + StoreDatabases.whyNoPostgres());
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init();
        try (KubernetesClient client = server.createClient()) {
            for (String pod : new String[] {"pod-a", "pod-b"}) {
                client.pods().inNamespace(NAMESPACE).resource(runningPod(pod)).create();
            }
        }
        String master = server.createClient().getMasterUrl().toString().replace("localhost", "127.0.0.1");
        MoodleSimulator moodle = MoodleSimulator.withFixtureData().start(0);
        CourseSalesSimulator courseSales = CourseSalesSimulator.withDemoData().start(0);
        a = replica(dir.resolve("a"), moodle, courseSales, url, master, "pod-a").start();
        b = replica(dir.resolve("b"), moodle, courseSales, url, master, "pod-b").start();
        Observe oa = new Observe(a.managementUrl());
        Observe ob = new Observe(b.managementUrl());

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> leader(oa) + leader(ob) == 1.0);
        SyncHarness leader = leader(oa) == 1.0 ? a : b;
        Observe standby = leader == a ? ob : oa;
        assertEquals(0.0, leader(standby));
        assertEquals(200, standby.get("/observe/health/ready").status(), "a standby is ready");
        try (KubernetesClient client = server.createClient()) {
            Lease lease = client.leases().inNamespace(NAMESPACE).withName("mcsync-mcsync").get();
            assertNotNull(lease, "the Lease <lease-name>-<namespace of master:>");
            assertEquals(leader == a ? "pod-a" : "pod-b", lease.getSpec().getHolderIdentity());
        }

        // the leader's pod stops, as Kubernetes stops one (a rolling update, a drained node): the process ends without
        // giving up its Lease, and its Pod goes away
        long stopped = System.nanoTime();
        leader.app().stop();
        try (KubernetesClient client = server.createClient()) {
            client.pods().inNamespace(NAMESPACE).withName(leader == a ? "pod-a" : "pod-b").delete();
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> leader(standby) == 1.0);
        Duration failover = Duration.ofNanos(System.nanoTime() - stopped);
        LOG.info("FAILOVER kubernetes lease: {} ms (lease duration {})", failover.toMillis(), LEASE);
        System.out.println("FAILOVER kubernetes lease: " + failover.toMillis() + " ms");
        // the lease runs out (3 s), then the standby's next retry takes it: a few seconds, more on a loaded machine
        assertTrue(failover.compareTo(LEASE.multipliedBy(6)) < 0, "took over in " + failover);
    }

    private static double leader(Observe o) {
        Double v = Observe.sample(o.metrics(), "mcsync_leader");
        return v == null ? -1 : v;
    }

    private static SyncHarness replica(Path stateDir, MoodleSimulator moodle, CourseSalesSimulator courseSales,
                                       String url, String master, String pod) {
        return new SyncHarness(stateDir, moodle, courseSales).with("state.jdbc-url", url).with("state.username", "postgres")
                .with("moodle.poll.enabled", "true").with("moodle.poll.cron", "0 0 0 1 1 ? 2099")
                .with("cluster.type", "kubernetes").with("cluster.kubernetes.master-url", master)
                .with("cluster.kubernetes.namespace", NAMESPACE).with("cluster.kubernetes.pod-name", pod)
                .with("cluster.kubernetes.lease-duration", LEASE.toSeconds() + "s")
                .with("cluster.kubernetes.renew-deadline", "2s")
                .with("cluster.kubernetes.connection-timeout", "10s").with("cluster.kubernetes.retry-period", "0.5s");
    }

    /** A member pod as the API shows a running one (without a status the cluster service never finds a leader). */
    private static io.fabric8.kubernetes.api.model.Pod runningPod(String name) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace(NAMESPACE)
                .addToLabels("app", "moodle-coursesales-sync").endMetadata()
                .withNewSpec().addNewContainer().withName("sync").withImage("moodle-coursesales-sync").endContainer().endSpec()
                .withNewStatus().withPhase("Running").addNewCondition().withType("Ready").withStatus("True").endCondition()
                .addNewContainerStatus().withName("sync").withReady(true).endContainerStatus().endStatus().build();
    }
}
