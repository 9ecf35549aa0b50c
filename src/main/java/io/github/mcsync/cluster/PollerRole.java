package io.github.mcsync.cluster;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this instance is the active poller: the leader of the {@value #NAMESPACE} namespace of the cluster service
 * that the routes' {@code master:} consumers use (with {@code cluster.type=none} always). Since when it is, for the
 * feed-stalled check: a standby polls nothing and is not stalled; a new leader gets its poll interval.
 */
public final class PollerRole implements CamelClusterEventListener.Leadership {
    /** The namespace of {@code master:mcsync:...} in routes/. */
    public static final String NAMESPACE = "mcsync";
    private static final Logger LOG = LoggerFactory.getLogger(PollerRole.class);

    private final CamelClusterService service;
    private final String clusterType;
    private final Clock clock;
    private final AtomicBoolean attached = new AtomicBoolean();
    private volatile Instant activeSince;

    public PollerRole(CamelClusterService service, String clusterType, Clock clock) {
        this.service = service;
        this.clusterType = clusterType;
        this.clock = clock;
    }

    /** This instance leads: its master: consumers (the Moodle poll) run; false when its scheduled poll is off. */
    public boolean isActive() {
        attach();
        return ServiceHelper.isStarted(service) && service.isLeader(NAMESPACE);
    }

    /** When this instance became the active poller; null while it is a standby. */
    public Instant activeSince() {
        if (!isActive()) {
            return null;
        }
        Instant since = activeSince;
        if (since == null) {
            since = clock.instant(); // became leader before it was attached: from now
            activeSince = since;
        }
        return since;
    }

    /** "active" or "standby" (GET /api/status, logs). */
    public String describe() {
        return isActive() ? "active" : "standby";
    }

    /** cluster.type: none, file or kubernetes. */
    public String clusterType() {
        return clusterType;
    }

    /**
     * Listens to the leadership of the namespace once the poll's master: consumer takes part in the election (it
     * creates the view; an instance whose scheduled poll is off, such as a --once run, never competes for the lead).
     */
    public void attach() {
        if (!ServiceHelper.isStarted(service) || attached.get() || !service.getNamespaces().contains(NAMESPACE)) {
            return;
        }
        try {
            CamelClusterView view = service.getView(NAMESPACE);
            if (attached.compareAndSet(false, true)) {
                view.addEventListener(this);
            }
        } catch (Exception e) {
            LOG.warn("cluster view {} not available yet: {}", NAMESPACE, e.toString());
        }
    }

    @Override
    public void leadershipChanged(CamelClusterView view, CamelClusterMember leader) {
        boolean local = leader != null && leader.isLocal();
        if (local && activeSince == null) {
            activeSince = clock.instant();
            LOG.info("This instance is the active poller now (cluster.type {}, member {})", clusterType,
                    view.getLocalMember().getId());
        } else if (!local && activeSince != null) {
            activeSince = null;
            LOG.info("This instance is a standby now: {} polls", leader == null ? "no member yet" : leader.getId());
        }
    }
}
