package io.github.mcsync.cluster;

import java.util.List;
import java.util.Optional;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.support.cluster.AbstractCamelClusterService;
import org.apache.camel.support.cluster.AbstractCamelClusterView;

/**
 * {@code cluster.type=none}: one instance, always the leader of every namespace, so the {@code master:} consumers of
 * the routes run at once (Camel ships no such service: the others elect among several members).
 */
public final class StandaloneClusterService extends AbstractCamelClusterService<AbstractCamelClusterView> {

    public StandaloneClusterService() {
        setId("standalone");
    }

    @Override
    protected AbstractCamelClusterView createView(String namespace) {
        return new AloneView(this, namespace);
    }

    private static final class AloneView extends AbstractCamelClusterView {
        private final CamelClusterMember self = new CamelClusterMember() {
            @Override
            public boolean isLeader() {
                return true;
            }

            @Override
            public boolean isLocal() {
                return true;
            }

            @Override
            public String getId() {
                return "standalone";
            }
        };

        AloneView(CamelClusterService service, String namespace) {
            super(service, namespace);
        }

        @Override
        public Optional<CamelClusterMember> getLeader() {
            return Optional.of(self);
        }

        @Override
        public CamelClusterMember getLocalMember() {
            return self;
        }

        @Override
        public List<CamelClusterMember> getMembers() {
            return List.of(self);
        }

        @Override
        protected void doStart() {
            fireLeadershipChangedEvent(self);
        }
    }
}
