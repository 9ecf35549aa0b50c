package io.github.mcsync.beans;

import io.github.mcsync.Settings;
import io.github.mcsync.deadletter.DeadLetterStore;
import io.github.mcsync.enrolment.identity.IdentityAssignments;
import io.github.mcsync.state.CourseMembers;
import io.github.mcsync.state.InFlight;
import io.github.mcsync.state.PollHistory;
import io.github.mcsync.state.SourceState;
import io.github.mcsync.state.StateDataSource;
import io.github.mcsync.state.StateDatabase;
import java.time.Clock;
import javax.sql.DataSource;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;

/**
 * The state database and what lives in it (state.* properties): processed keys, deliveries, in-flight marks,
 * source state, dead letters, identity assignments. The database is migrated (Flyway) when it is opened,
 * before any route starts, or, when it does not answer at start, once it answers (routes/state-database.camel.yaml).
 */
public final class StateBeans implements CamelConfiguration {
    /** The idempotent repository's processor name: the key column's scope in CAMEL_MESSAGEPROCESSED. */
    public static final String PROCESSOR_NAME = io.github.mcsync.state.Deliveries.PROCESSOR_NAME;

    /**
     * A pooled connection to the state database (a DataSource: the beans below depend on it by that type); when the
     * database does not answer at start, the application starts anyway and the schema is migrated once it answers.
     */
    @BindToRegistry(destroyMethod = "close")
    public StateDataSource stateDataSource(Settings s) {
        return StateDatabase.open(s.get("state.jdbc-url"), s.optional("state.username").orElse(null),
                s.optionalSecret("state.password").orElse(null), s.optional("state.schema").orElse(null));
    }

    /** Camel's JDBC idempotent repository: a key here counts as done (written with its delivery, see Deliveries). */
    @BindToRegistry
    public JdbcMessageIdRepository processedKeys(@BeanInject("stateDataSource") DataSource stateDataSource) {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(stateDataSource, PROCESSOR_NAME);
        repository.setCreateTableIfNotExists(false);
        return repository;
    }

    /**
     * In-flight marks: an unanswered submission is looked up with FindDocuments (or sent again) only once it is older
     * than coursesales.receive-timeout plus coursesales.unknown-outcome-grace.
     */
    @BindToRegistry
    public InFlight inFlight(Settings s, @BeanInject("stateDataSource") DataSource stateDataSource, Clock clock) {
        return new InFlight(stateDataSource, clock,
                s.duration("coursesales.receive-timeout").plus(s.duration("coursesales.unknown-outcome-grace")));
    }

    @BindToRegistry
    public DeadLetterStore deadLetterStore(@BeanInject("stateDataSource") DataSource stateDataSource, Clock clock) {
        return new DeadLetterStore(stateDataSource, Json.MAPPER, clock);
    }

    /** The run history of the ops console: the newest ops.poll-history polls. */
    @BindToRegistry
    public PollHistory pollHistory(Settings s, @BeanInject("stateDataSource") DataSource stateDataSource, Clock clock) {
        return new PollHistory(stateDataSource, Json.MAPPER, clock, s.getInt("ops.poll-history"));
    }

    /** The REST source's record of who is enrolled in each course (re-enrolments: moodle:c..:u..:g<n>). */
    @BindToRegistry
    public CourseMembers courseMembers(@BeanInject("stateDataSource") DataSource stateDataSource, Clock clock) {
        return new CourseMembers(stateDataSource, clock);
    }

    @BindToRegistry
    public SourceState sourceState(@BeanInject("stateDataSource") DataSource stateDataSource, Clock clock) {
        return new SourceState(stateDataSource, clock);
    }

    @BindToRegistry
    public IdentityAssignments identityAssignments(@BeanInject("stateDataSource") DataSource stateDataSource, Clock clock) {
        return new IdentityAssignments(stateDataSource, clock);
    }
}
