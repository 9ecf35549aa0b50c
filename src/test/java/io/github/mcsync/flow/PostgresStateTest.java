package io.github.mcsync.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.mcsync.SyncHarness;
import io.github.mcsync.deadletter.StoreDatabases;
import io.github.mcsync.demo.moodle.SimulatedUser;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole flow with its state in real PostgreSQL (production's database): delivery, restart, dead letter, identity. */
class PostgresStateTest {
    @TempDir
    Path stateDir;

    @Test
    void theFlowKeepsItsStateInPostgres() throws Exception {
        String url = StoreDatabases.postgresSchemaUrl();
        assumeTrue(url != null, () -> "skipped: " + StoreDatabases.whyNoPostgres());
        try (SyncHarness sync = new SyncHarness(stateDir).with("moodle.courses", "2").with("state.jdbc-url", url)
                .with("state.username", "postgres").with("identity.strategy", "moodle-userid")
                .with("coursesales.field.client-id", "107").start()) {
            assertEquals("poll 1: 3 new, 3 sent, 0 dead-lettered", sync.poll().summary());
            assertEquals("5", sync.courseSales.documents().stream().filter(d -> d.sourceReference().equals("moodle:c2:u5"))
                    .findFirst().orElseThrow().fieldValues().get(107), "the client identifier reached CourseSales");

            long late = sync.moodle.addUser(SimulatedUser.builder("late").firstname("La").lastname("Te").email("l@x.org").build());
            sync.moodle.enrol(2, late, "student");
            sync.courseSales.faultNextSubmissions(1, "FIELD_INACTIVE");
            assertEquals("poll 2: 1 new, 0 sent, 1 dead-lettered", sync.poll().summary());
            sync.restart();
            assertEquals("poll 1: 0 new, 0 sent, 0 dead-lettered, 1 waiting in dead letters", sync.poll().summary(),
                    "nothing resent after a restart");
            assertEquals(List.of("FIELD_INACTIVE"), sync.state().queryForList("SELECT reason_code FROM dead_letter", String.class));
            assertEquals(3, sync.doneKeys().size());
            assertEquals(4, sync.state().queryForObject("SELECT COUNT(*) FROM identity_assignment", Integer.class));
        }
    }
}
