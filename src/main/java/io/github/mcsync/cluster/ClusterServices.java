package io.github.mcsync.cluster;

import io.github.mcsync.Settings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
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
        KubernetesClusterService service = new KubernetesClusterService();
        service.setLeaseResourceType(LeaseResourceType.Lease);
        service.setKubernetesResourceName(s.get("cluster.kubernetes.lease-name"));
        s.optional("cluster.kubernetes.namespace").ifPresent(service::setKubernetesNamespace);
        s.optional("cluster.kubernetes.pod-name").ifPresent(service::setPodName);
        s.optional("cluster.kubernetes.master-url").ifPresent(service::setMasterUrl);
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
