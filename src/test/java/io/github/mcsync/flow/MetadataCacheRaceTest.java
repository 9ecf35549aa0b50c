package io.github.mcsync.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mcsync.SyncHarness;
import io.github.mcsync.coursesales.MetadataCache;
import io.github.mcsync.demo.moodle.SimulatedUser;
import io.github.mcsync.feed.PollRun;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.processor.DelegateAsyncProcessor;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, item 15: the metadata cache is read once per record, as one immutable snapshot. An invalidation (what
 * every replay does first) that lands between any two steps of the metadata read never turns a good record into
 * UNEXPECTED_ERROR: each record is validated against the snapshot it read, or against freshly fetched metadata.
 */
class MetadataCacheRaceTest extends FlowTestSupport {

    /**
     * Invalidates the cache before every step of the route courseSalesMetadata but its first (nested steps
     * included): the worst moment a concurrent replay could choose, every time, so the test does not depend on luck.
     */
    static final class InvalidateBetweenSteps implements InterceptStrategy {
        final AtomicInteger invalidations = new AtomicInteger();
        volatile MetadataCache cache;

        @Override
        public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target,
                                                     Processor nextTarget) {
            if (!(definition instanceof ProcessorDefinition<?> step)) {
                return target;
            }
            RouteDefinition route = ProcessorDefinitionHelper.getRoute(step);
            if (route == null || !"courseSalesMetadata".equals(route.getRouteId()) || route.getOutputs().get(0) == step) {
                return target;
            }
            return new DelegateAsyncProcessor(target) {
                @Override
                public boolean process(org.apache.camel.Exchange exchange, org.apache.camel.AsyncCallback callback) {
                    if (cache == null) {
                        cache = context.getRegistry().lookupByNameAndType("metadataCache", MetadataCache.class);
                    }
                    cache.invalidate();
                    invalidations.incrementAndGet();
                    return super.process(exchange, callback);
                }
            };
        }
    }

    @Test
    void anInvalidationBetweenAnyTwoStepsOfTheCacheReadNeverDeadLettersAGoodRecord() throws Exception {
        InvalidateBetweenSteps invalidator = new InvalidateBetweenSteps();
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").bind("invalidateBetweenSteps", invalidator).start();
        for (int i = 0; i < 7; i++) {
            long id = sync.moodle.addUser(SimulatedUser.builder("race." + i).firstname("Race").lastname("Student" + i)
                    .email("race." + i + "@example.com").build());
            sync.moodle.enrol(2, id, "student");
        }

        PollRun run = sync.poll();

        assertTrue(invalidations(invalidator) >= 10, "invalidated " + invalidations(invalidator) + " times");
        assertEquals(List.of(), sync.deadLetters(), "no record is dead-lettered by an invalidation");
        assertEquals("poll 1: 10 new, 10 sent, 0 dead-lettered", run.summary());
        assertEquals(10, sync.courseSales.documents().size());
    }

    private static int invalidations(InvalidateBetweenSteps invalidator) {
        return invalidator.invalidations.get();
    }
}
