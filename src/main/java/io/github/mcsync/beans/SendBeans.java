package io.github.mcsync.beans;

import io.github.mcsync.Settings;
import io.github.mcsync.feed.FeedControl;
import io.github.mcsync.feed.NewRecordStream;
import io.github.mcsync.feed.NewRecords;
import io.github.mcsync.feed.SendOrder;
import io.github.mcsync.validation.RegistrationFactory;
import java.util.concurrent.ExecutorService;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * The send lanes of routes/process-enrolments.camel.yaml: their threads, their order at coursesales.concurrency=1 and
 * the stream of new records they take. After ValidationBeans: the stream gives a page's new users their identifiers
 * (registrationFactory).
 */
public final class SendBeans implements CamelConfiguration {

    /**
     * Camel's thread pool (shut down with the context): twice coursesales.concurrency threads, so records are validated
     * and marked while others are at CourseSales (the login gate bounds the calls on the wire to
     * coursesales.concurrency); with 1, two threads that call CourseSales in Moodle's order (sendOrder). Their queue
     * holds a page ({@link NewRecords#PAGE}): the split reads the next page while the lanes send the one before; when
     * the queue is full the split's own thread sends a record (CallerRuns), so it never reads further ahead.
     */
    @BindToRegistry
    public ExecutorService sendLanes(CamelContext context, Settings s) {
        int lanes = 2 * s.getInt("coursesales.concurrency");
        return context.getExecutorServiceManager().newThreadPool(this, "SendLane",
                new ThreadPoolProfileBuilder("SendLane").poolSize(lanes).maxPoolSize(lanes).keepAliveTime(0L)
                        .allowCoreThreadTimeOut(false).maxQueueSize(NewRecords.PAGE)
                        .rejectedPolicy(ThreadPoolRejectedPolicy.CallerRuns).build());
    }

    /** At coursesales.concurrency=1 the send lanes call CourseSales one record after the other in Moodle's order. */
    @BindToRegistry
    public SendOrder sendOrder(Settings s) {
        return new SendOrder(s.getInt("coursesales.concurrency"));
    }

    /** A course's (or a database batch's) new records for the send lanes, a page read at a time. */
    @BindToRegistry
    public NewRecordStream newRecordStream(FeedControl feedControl, NewRecords newRecords,
                                           RegistrationFactory registrationFactory) {
        return new NewRecordStream(feedControl, newRecords, registrationFactory::claimIdentities);
    }
}
