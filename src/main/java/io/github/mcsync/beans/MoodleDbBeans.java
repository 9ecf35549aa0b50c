package io.github.mcsync.beans;

import io.github.mcsync.Settings;
import io.github.mcsync.deadletter.DeadLetterStore;
import io.github.mcsync.feed.DatabasePolls;
import io.github.mcsync.feed.FeedControl;
import io.github.mcsync.increment.EnrolmentRules;
import io.github.mcsync.moodle.CourseWatchList;
import io.github.mcsync.moodle.db.CourseRows;
import io.github.mcsync.moodle.db.MoodleDatabase;
import io.github.mcsync.moodle.db.MoodleDatabaseCheck;
import io.github.mcsync.moodle.db.MoodleDatabaseFailures;
import io.github.mcsync.state.DbSourceState;
import io.github.mcsync.state.Deliveries;
import java.time.Clock;
import java.util.HashSet;
import javax.sql.DataSource;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;

/**
 * The Moodle database source's beans (moodle.source=db; moodle.db.* properties): the read-only pool to Moodle's
 * database ({@code #moodleDataSource} of the sql endpoints in routes/moodle-db-source.camel.yaml), the polls batch by
 * batch with their rules, the mark and pending rows in the state database, the one-line SQL failures, the preflight
 * checks. With moodle.source=ws the pool is not created and moodle.db.* are not read.
 */
public final class MoodleDbBeans implements CamelConfiguration {

    static boolean databaseSource(Settings s) {
        return "db".equals(s.get("moodle.source"));
    }

    /** A read-only Hikari pool, separate from the state database's; it connects on the first poll, not at start. */
    @BindToRegistry(value = "moodleDataSource", destroyMethod = "close")
    public DataSource moodleDataSource(Settings s) {
        if (!databaseSource(s)) {
            return null;
        }
        MoodleDatabase.checkPrefix(s.get("moodle.db.prefix"));
        return MoodleDatabase.open(s.get("moodle.db.url"), s.optional("moodle.db.username").orElse(null),
                s.optionalSecret("moodle.db.password").orElse(null), s.duration("moodle.db.connect-timeout"));
    }

    @BindToRegistry
    public MoodleDatabaseFailures moodleDatabaseFailures(Settings s) {
        return new MoodleDatabaseFailures(s.optional("moodle.db.url").orElse(""), s.get("moodle.db.prefix"),
                s.optional("moodle.db.username").orElse(""));
    }

    @BindToRegistry
    public MoodleDatabaseCheck moodleDatabaseCheck(Settings s, MoodleDatabaseFailures moodleDatabaseFailures) {
        return new MoodleDatabaseCheck(s.get("moodle.db.prefix"), s.optional("moodle.db.username").orElse(""),
                moodleDatabaseFailures);
    }

    @BindToRegistry
    public CourseRows courseRows() {
        return new CourseRows();
    }

    @BindToRegistry
    public DbSourceState dbSourceState(@BeanInject("stateDataSource") DataSource stateDataSource, Clock clock) {
        return new DbSourceState(stateDataSource, clock);
    }

    @BindToRegistry
    public DatabasePolls databasePolls(Settings s, DbSourceState dbSourceState, Deliveries deliveries,
                                       DeadLetterStore deadLetterStore, FeedControl feedControl, Clock clock) {
        EnrolmentRules rules = new EnrolmentRules(MoodleBeans.roles(s),
                new HashSet<>(CourseWatchList.parse(s.optional("moodle.courses").orElse(""))));
        return new DatabasePolls(s.get("moodle.start"), s.getInt("moodle.db.batch-size"), rules, dbSourceState,
                deliveries, deadLetterStore, feedControl, clock);
    }
}
