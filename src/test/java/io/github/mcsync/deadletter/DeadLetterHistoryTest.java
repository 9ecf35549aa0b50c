package io.github.mcsync.deadletter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mcsync.enrolment.Enrolment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every change of a dead letter leaves an event in its history, on H2 and on real PostgreSQL. */
class DeadLetterHistoryTest {
    private final DeadLetterStoreTest.TestClock clock = new DeadLetterStoreTest.TestClock();

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("H2"), Arguments.of("PostgreSQL"));
    }

    private DeadLetterStore store(String database) throws Exception {
        DataSource ds = "H2".equals(database) ? StoreDatabases.h2() : StoreDatabases.postgres();
        Assumptions.assumeTrue(ds != null, StoreDatabases::whyNoPostgres);
        return new DeadLetterStore(ds, new ObjectMapper().findAndRegisterModules(), clock);
    }

    private static Enrolment enrolment(long userId) {
        return new Enrolment(userId, "user" + userId, "Zoë", "Łukasz-O'Brien", "u" + userId + "@example.com", null, null,
                null, null, null, null, null, Map.of(), 2, "PHYS101", "Introduction to Physics", "PHYS101-2026", 4, null,
                List.of("student"), null, null, "ws", null);
    }

    private static List<String> events(DeadLetterStore store, long id) {
        return store.history().of(id).stream()
                .map(e -> e.event() + (e.reasonCode() == null ? "" : " " + e.reasonCode()) + (e.detail() == null ? "" : ": " + e.detail()))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void failuresReplaysAndTheirEndsAreRecordedInOrder(String database) throws Exception {
        DeadLetterStore store = store(database);
        long id = store.write(enrolment(5), "validate", "UNMAPPED_COURSE", "no course date carries Moodle course 2");
        clock.advance(Duration.ofMinutes(1));
        store.requestReplay(id);
        store.reopen(id); // the replay ended without an outcome
        store.requestReplay(id);
        assertEquals(id, store.write(enrolment(5), "send", "FIELD_INACTIVE", "FieldId 105 is inactive"));
        store.requestReplay(id);
        store.markReplayed("moodle:c2:u5", "DOC-77");
        store.markReplayed("moodle:c2:u5", "DOC-77"); // closed already: nothing more happens to it
        store.reopen(id);
        store.discard(id);

        assertEquals(List.of("FAILED UNMAPPED_COURSE: no course date carries Moodle course 2", "REPLAY_REQUESTED",
                "REOPENED: the replay ended without an outcome: the feed was halted or paused", "REPLAY_REQUESTED",
                "FAILED FIELD_INACTIVE: FieldId 105 is inactive", "REPLAY_REQUESTED", "REPLAYED: CourseSales document DOC-77"),
                events(store, id));
        assertEquals(Instant.parse("2026-05-04T01:02:03Z"), store.history().of(id).get(0).at());
        assertEquals(Instant.parse("2026-05-04T01:03:03Z"), store.history().of(id).get(1).at());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void discardsAndReplaysCutOffByAStopAreRecordedPerRow(String database) throws Exception {
        DeadLetterStore store = store(database);
        long a = store.write(enrolment(1), "send", "FIELD_INACTIVE", "x");
        long b = store.write(enrolment(2), "send", "FIELD_INACTIVE", "y");
        long c = store.write(enrolment(3), "validate", "INVALID_USI", "z");
        store.requestReplay(a);
        store.requestReplay(b);
        store.discard(c);
        store.discard(c);

        assertEquals(2, store.reopenInterruptedReplays());

        for (long id : List.of(a, b)) {
            assertEquals("REOPENED: the replay was cut off by a stop", events(store, id).get(2));
        }
        assertEquals(List.of("FAILED INVALID_USI: z", "DISCARDED: recorded as done, never sent"), events(store, c));
        assertEquals(Map.of("FIELD_INACTIVE", Map.of("NEW", 2), "INVALID_USI", Map.of("DISCARDED", 1)),
                store.countsByReason());
        assertEquals(List.of(), store.history().of(999));
    }
}
