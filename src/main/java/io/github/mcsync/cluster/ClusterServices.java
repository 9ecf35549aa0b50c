package io.github.mcsync.cluster;

import io.github.mcsync.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.kubernetes.KubernetesConfiguration;
import org.apache.camel.component.kubernetes.cluster.KubernetesClusterService;
import org.apache.camel.component.kubernetes.cluster.LeaseResourceType;

/**
 * The cluster service that elects the one active poller, by {@code cluster.type} (Camel Main 4.18 has no
 * {@code camel.cluster.*} keys; the bean is declared in beans/ClusterBeans and Camel Main starts it):
 * <ul>
 *   <li>{@code none}: one instance, always the poller ({@link StandaloneClusterService});</li>
 *   <li>{@code file}: Camel's {@link FileLockClusterService} on {@code cluster.file.root} (processes on one host or on
 *       a shared volume);</li>
 *   <li>{@code kubernetes}: Camel's {@link KubernetesClusterService} with a coordination.k8s.io Lease
 *       ({@code cluster.kubernetes.*}).</li>
 * </ul>
 */
public final class ClusterServices {
    public static final String NONE = "none";
    public static final String FILE = "file";
    public static final String KUBERNETES = "kubernetes";
    private static final Path SERVICE_ACCOUNT_NAMESPACE = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");

    private ClusterServices() {
    }

    public static String type(Settings s) {
        String type = s.optional("cluster.type").orElse(NONE).toLowerCase();
        if (!type.equals(NONE) && !type.equals(FILE) && !type.equals(KUBERNETES)) {
            throw new IllegalStateException("Configuration cluster.type must be none, file or kubernetes, was '" + type + "'");
        }
        return type;
    }

    public static CamelClusterService create(Settings s) {
        return switch (type(s)) {
            case FILE -> file(s);
            case KUBERNETES -> kubernetes(s);
            default -> new StandaloneClusterService();
        };
    }

    private static CamelClusterService file(Settings s) {
        FileLockClusterService service = new FileLockClusterService();
        service.setRoot(s.get("cluster.file.root"));
        service.setAcquireLockDelay(millis(s.duration("cluster.file.acquire-lock-delay")), TimeUnit.MILLISECONDS);
        service.setAcquireLockInterval(millis(s.duration("cluster.file.acquire-lock-interval")), TimeUnit.MILLISECONDS);
        return service;
    }

    private static CamelClusterService kubernetes(Settings s) {
        // the client's configuration in the constructor: the service's own setters apply only when it starts, and the
        // master: consumer may ask for its view before that
        String namespace = namespace(s);
        KubernetesConfiguration client = new KubernetesConfiguration();
        s.optional("cluster.kubernetes.master-url").ifPresent(client::setMasterUrl);
        client.setNamespace(namespace);
        if (s.optional("cluster.kubernetes.connection-timeout").isPresent()) {
            client.setConnectionTimeout((int) millis(s.duration("cluster.kubernetes.connection-timeout")));
        }
        KubernetesClusterService service = new KubernetesClusterService(client);
        service.setLeaseResourceType(LeaseResourceType.Lease);
        service.setKubernetesResourceName(s.get("cluster.kubernetes.lease-name"));
        service.setKubernetesNamespace(namespace); // where the members' pods are listed
        service.setKubernetesResourcesNamespace(namespace); // where the Lease is kept
        s.optional("cluster.kubernetes.pod-name").ifPresent(service::setPodName);
        service.setClusterLabels(labels(s.get("cluster.kubernetes.labels")));
        service.setLeaseDurationMillis(millis(s.duration("cluster.kubernetes.lease-duration")));
        service.setRenewDeadlineMillis(millis(s.duration("cluster.kubernetes.renew-deadline")));
        service.setRetryPeriodMillis(millis(s.duration("cluster.kubernetes.retry-period")));
        if (service.getRenewDeadlineMillis() >= service.getLeaseDurationMillis()
                || service.getRetryPeriodMillis() >= service.getRenewDeadlineMillis()) {
            throw new IllegalStateException("Configuration cluster.kubernetes.*: retry-period < renew-deadline < lease-duration"
                    + " is required, was " + s.get("cluster.kubernetes.retry-period") + ", "
                    + s.get("cluster.kubernetes.renew-deadline") + ", " + s.get("cluster.kubernetes.lease-duration"));
        }
        return service;
    }

    /**
     * cluster.kubernetes.namespace, else the pod's own namespace (POD_NAMESPACE from the downward API, or the service
     * account's namespace file); Camel's lease lookup has no default of its own.
     */
    static String namespace(Settings s) {
        Optional<String> configured = s.optional("cluster.kubernetes.namespace");
        if (configured.isPresent()) {
            return configured.get();
        }
        String env = System.getenv("POD_NAMESPACE");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        try {
            return Files.readString(SERVICE_ACCOUNT_NAMESPACE).strip();
        } catch (IOException e) {
            throw new IllegalStateException("Configuration cluster.kubernetes.namespace is needed with cluster.type=kubernetes"
                    + " outside a pod (no " + SERVICE_ACCOUNT_NAMESPACE + "): set it, or CLUSTER_KUBERNETES_NAMESPACE");
        }
    }

    /** {@code app=moodle-coursesales-sync,tier=sync} */
    static Map<String, String> labels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            String p = pair.strip();
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1) {
                throw new IllegalStateException("Configuration cluster.kubernetes.labels must be name=value pairs separated"
                        + " by commas, was '" + text + "'");
            }
            labels.put(p.substring(0, eq).strip(), p.substring(eq + 1).strip());
        }
        return labels;
    }

    private static long millis(Duration d) {
        return d.toMillis();
    }
}
