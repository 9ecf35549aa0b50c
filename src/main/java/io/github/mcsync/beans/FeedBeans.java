package io.github.mcsync.beans;

import io.github.mcsync.Settings;
import io.github.mcsync.deadletter.DeadLetterReplay;
import io.github.mcsync.deadletter.DeadLetterStore;
import io.github.mcsync.deadletter.DeadLetterWriter;
import io.github.mcsync.deadletter.FreshReadHook;
import io.github.mcsync.failure.CaughtFailure;
import io.github.mcsync.failure.FailureClassifier;
import io.github.mcsync.feed.Baseline;
import io.github.mcsync.feed.CourseSalesGate;
import io.github.mcsync.feed.DeliveryRecorder;
import io.github.mcsync.feed.FeedControl;
import io.github.mcsync.feed.FeedHealthCheck;
import io.github.mcsync.feed.NewRecords;
import io.github.mcsync.feed.PollHealth;
import io.github.mcsync.feed.PollReport;
import io.github.mcsync.observe.SyncMetrics;
import io.github.mcsync.state.Deliveries;
import io.github.mcsync.state.HaltStore;
import io.github.mcsync.state.InFlight;
import io.github.mcsync.state.PollHistory;
import io.github.mcsync.state.RefusedSubmissions;
import io.github.mcsync.state.SourceState;
import io.github.mcsync.state.StateDataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;

/**
 * The feed's beans: failure classification, halts and pauses, the poll summary, the first-start baseline
 * (moodle.start), delivery records, dead letters and their replay.
 */
public final class FeedBeans implements CamelConfiguration {

    @BindToRegistry
    public FailureClassifier failureClassifier() {
        return new FailureClassifier();
    }

    /** Throws a failure a doCatch looked into again, unchanged (routes/coursesales-send.camel.yaml). */
    @BindToRegistry
    public CaughtFailure caughtFailure() {
        return new CaughtFailure();
    }

    /**
     * Halts per system, kept in the state database with a salted fingerprint of each system's endpoint and login and
     * read from it again every feed.halt-refresh (the other instances' halts and resumes); a poll running longer than
     * feed.poll.max-duration takes no further record.
     */
    @BindToRegistry
    public FeedControl feedControl(Settings s, Clock clock, @BeanInject("stateDataSource") DataSource stateDataSource) {
        return new FeedControl(clock, new HaltStore(stateDataSource, clock, Map.of(
                HaltStore.COURSESALES, new HaltStore.Login(s.get("coursesales.url"),
                        List.of(s.get("coursesales.username"), s.secret("coursesales.password"))),
                HaltStore.MOODLE, moodleLogin(s))),
                s.duration("feed.poll.max-duration"), s.duration("feed.halt-refresh"));
    }

    /** What a Moodle halt is fingerprinted by: the REST endpoint and token, or the database and its login (db source). */
    private static HaltStore.Login moodleLogin(Settings s) {
        if (MoodleDbBeans.databaseSource(s)) {
            return new HaltStore.Login(s.get("moodle.db.url"), List.of(s.optional("moodle.db.username").orElse(""),
                    s.optionalSecret("moodle.db.password").orElse("")));
        }
        return new HaltStore.Login(s.get("moodle.url"), List.of(s.secret("moodle.token")));
    }

    /**
     * The CourseSales login gate of the callCourseSales route: one call at a time until the login is verified, then
     * up to coursesales.concurrency at once; a call waits at most twice its own time-outs for its turn. A RATE_LIMITED
     * answer pauses every caller for the retry's delays (coursesales.retry.initial-delay-ms, doubling up to
     * coursesales.retry.max-delay-ms).
     */
    @BindToRegistry
    public CourseSalesGate courseSalesGate(Settings s, FeedControl feedControl, FailureClassifier failureClassifier) {
        Duration call = s.duration("coursesales.connect-timeout").plus(s.duration("coursesales.receive-timeout"));
        return new CourseSalesGate(feedControl, failureClassifier, s.getInt("coursesales.concurrency"),
                call.multipliedBy(2), Duration.ofMillis(s.getInt("coursesales.retry.initial-delay-ms")),
                Duration.ofMillis(s.getInt("coursesales.retry.max-delay-ms")));
    }

    /** Records that a key is done (the delivery, the processed key and the end of its in-flight mark, in one transaction). */
    @BindToRegistry
    public Deliveries deliveries(@BeanInject("stateDataSource") DataSource stateDataSource, Clock clock,
                                 DeadLetterStore deadLetterStore) {
        return new Deliveries(stateDataSource, StateBeans.PROCESSOR_NAME, clock, deadLetterStore);
    }

    @BindToRegistry
    public PollReport pollReport(FeedControl feedControl, FailureClassifier failureClassifier, PollHistory pollHistory,
                                 PollHealth pollHealth) {
        return new PollReport(feedControl, failureClassifier, pollHistory, pollHealth);
    }

    /** Failed polls in a row and unreadable courses (feed.health.failed-polls, feed.health.unreadable-course-polls). */
    @BindToRegistry
    public PollHealth pollHealth(Settings s, Clock clock) {
        return new PollHealth(clock, s.getInt("feed.health.failed-polls"), s.getInt("feed.health.unreadable-course-polls"));
    }

    @BindToRegistry
    public Baseline baseline(Settings s, SourceState sourceState, Deliveries deliveries) {
        return new Baseline(s.get("moodle.start"), MoodleBeans.roles(s), sourceState, deliveries);
    }

    /** Camel health check mcsync/feed (readiness): DOWN while the feed is halted or paused. */
    @BindToRegistry
    public FeedHealthCheck feedHealthCheck(FeedControl feedControl, PollHealth pollHealth) {
        return new FeedHealthCheck(feedControl, pollHealth);
    }

    @BindToRegistry
    public RefusedSubmissions refusedSubmissions(InFlight inFlight) {
        return new RefusedSubmissions(inFlight);
    }

    @BindToRegistry
    public DeadLetterWriter deadLetterWriter(DeadLetterStore deadLetterStore, FailureClassifier failureClassifier,
                                             RefusedSubmissions refusedSubmissions, SyncMetrics syncMetrics) {
        return new DeadLetterWriter(deadLetterStore, failureClassifier, refusedSubmissions, syncMetrics);
    }

    @BindToRegistry
    public DeliveryRecorder deliveryRecorder(Deliveries deliveries) {
        return new DeliveryRecorder(deliveries);
    }

    /** A course's new enrolments, page by page (done and waiting keys asked for a whole page at once). */
    @BindToRegistry
    public NewRecords newRecords(Deliveries deliveries, DeadLetterStore deadLetterStore) {
        return new NewRecords(deliveries, deadLetterStore);
    }

    /** Where a replay reads a dead letter's enrolment again: the route of moodle.source, if it has one. */
    @BindToRegistry
    public FreshReadHook freshReadHook(Settings s, FeedControl feedControl) {
        return new FreshReadHook(s.get("moodle.source"), feedControl);
    }

    @BindToRegistry
    public DeadLetterReplay deadLetterReplay(Settings s, DeadLetterStore deadLetterStore, Deliveries deliveries,
                                             FeedControl feedControl, FailureClassifier failureClassifier,
                                             @BeanInject("stateDataSource") StateDataSource stateDataSource) {
        if (s.flag("camel.server.enabled")) {
            // replays interrupted by a stop of the service; a one-off run (--once, preflight, resume) beside a
            // running service must not touch that service's replays in progress (once the tables are there)
            stateDataSource.whenMigrated(deadLetterStore::reopenInterruptedReplays);
        }
        return new DeadLetterReplay(deadLetterStore, deliveries, feedControl, failureClassifier,
                s.duration("replay.reopen-after"));
    }
}
