package io.github.mcsync.beans;

import io.github.mcsync.Settings;
import io.github.mcsync.cluster.ClusterServices;
import io.github.mcsync.cluster.PollerRole;
import java.time.Clock;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterService;

/**
 * One active poller across replicas (cluster.* properties): the cluster service of {@code cluster.type} that the
 * {@code master:} consumers of routes/ use (added to the context's services), and whether this instance is
 * the poller. Every instance serves the ops API and replays.
 */
public final class ClusterBeans implements CamelConfiguration {

    /** Added to the context's services too: that is where master: looks it up (and it starts with the context). */
    @BindToRegistry
    public CamelClusterService clusterService(Settings s, CamelContext context) throws Exception {
        CamelClusterService service = ClusterServices.create(s);
        context.addService(service, true, true);
        return service;
    }

    @BindToRegistry
    public PollerRole pollerRole(Settings s, CamelClusterService clusterService, Clock clock) {
        return new PollerRole(clusterService, ClusterServices.type(s), clock);
    }
}
