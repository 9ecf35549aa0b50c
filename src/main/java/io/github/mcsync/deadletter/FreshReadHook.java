package io.github.mcsync.deadletter;

import io.github.mcsync.enrolment.Enrolment;
import io.github.mcsync.enrolment.FreshRead;
import io.github.mcsync.feed.ExternalSystem;
import io.github.mcsync.feed.FeedControl;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replay's hook for reading a dead letter's enrolment again at its source (routes/replay.camel.yaml, route
 * moodleFreshEnrolment): the Moodle source in use ({@code moodle.source}) supplies the route
 * {@code direct:moodleFreshEnrolment-<source>} (the REST source: routes/moodle-ws-fresh-read.camel.yaml). A source
 * without one replays the stored enrolment, and the log says so.
 */
public final class FreshReadHook {
    private static final Logger LOG = LoggerFactory.getLogger(FreshReadHook.class);

    private final String source;
    private final FeedControl feed;

    public FreshReadHook(String source, FeedControl feed) {
        this.source = source;
        this.feed = feed;
    }

    /** The route of this source's fresh read. */
    public String route() {
        return "direct:moodleFreshEnrolment-" + source;
    }

    /** Whether a route of the running application reads this source's enrolments afresh. */
    public boolean exists(CamelContext context) {
        Endpoint endpoint = context.hasEndpoint(route());
        return endpoint != null && context.getRoutes().stream().anyMatch(r -> r.getEndpoint() == endpoint);
    }

    /** No fresh read for this source: the stored enrolment is replayed as it is, and the log says so. */
    public FreshRead stored(Enrolment stored) {
        String reason = "moodle.source=" + source + " has no fresh read for replays: the stored enrolment is replayed as"
                + " it was dead-lettered";
        LOG.info("Replay of {}: {}", stored.sourceReference(), reason);
        return FreshRead.stored(stored, reason);
    }

    /** While Moodle is halted (its token refused) nothing is read there: the dead letter waits; else null. */
    public FreshRead moodleHalted(Enrolment stored) {
        return feed.halt(ExternalSystem.MOODLE).map(h -> FreshRead.unavailable(stored, "Moodle is halted (" + h.reason()
                + "): the enrolment cannot be read again there; fix it and resume Moodle, then replay")).orElse(null);
    }
}
