package io.github.mcsync.deadletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mcsync.Secrets;
import io.github.mcsync.enrolment.Enrolment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The dead-letter store on H2 (the default) and on real PostgreSQL (production), the same tests on both. */
class DeadLetterStoreTest {
    private static final Instant T0 = Instant.parse("2026-05-04T01:02:03Z");

    /** A clock the test moves on. */
    static final class TestClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("H2"), Arguments.of("PostgreSQL"));
    }

    private final TestClock clock = new TestClock();

    private DeadLetterStore store(String database) throws Exception {
        DataSource ds;
        if ("H2".equals(database)) {
            ds = StoreDatabases.h2();
        } else {
            ds = StoreDatabases.postgres();
            Assumptions.assumeTrue(ds != null, StoreDatabases::whyNoPostgres);
        }
        return new DeadLetterStore(ds, new ObjectMapper().findAndRegisterModules(), clock);
    }

    private static Enrolment enrolment(long userId) {
        return new Enrolment(userId, "user" + userId, "Zoë", "Łukasz-O'Brien", "u" + userId + "@example.com", "+61 2 1234",
                null, "S-" + userId, null, "", "Kraków", "PL", Map.of("usi", "ABCDEFGH12"), 2, "PHYS101",
                "Introduction to Physics", "PHYS101-2026", 4, null, List.of("student"), null, null, "ws", null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void writeStoresTheRecordWithItsReasonAndNoSecret(String database) throws Exception {
        DeadLetterStore store = store(database);
        Secrets.register("store-secret-4e1f");
        Enrolment e = enrolment(3);

        long id = store.write(e, "send", "FIELD_INACTIVE", "FieldId 104 is Inactive (login store-secret-4e1f)");

        DeadLetter d = store.find(id).orElseThrow();
        assertEquals("moodle:c2:u3", d.sourceReference());
        assertEquals("send", d.stage());
        assertEquals("FIELD_INACTIVE", d.reasonCode());
        assertEquals("FieldId 104 is Inactive (login ****)", d.reasonText());
        assertEquals(1, d.attempts());
        assertEquals(T0, d.firstFailureAt());
        assertEquals(T0, d.lastFailureAt());
        assertEquals(DeadLetter.NEW, d.status());
        assertEquals(0, d.replayCount());
        assertNull(d.resolvedDocumentId());
        assertEquals(e, store.payload(d), "the stored enrolment reads back unchanged");
        assertTrue(store.isParked("moodle:c2:u3"));
        assertFalse(store.isParked("moodle:c2:u4"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRecordFailingAgainUpdatesItsOwnRow(String database) throws Exception {
        DeadLetterStore store = store(database);
        long id = store.write(enrolment(3), "send", "FIELD_INACTIVE", "first");
        assertTrue(store.requestReplay(id));
        assertEquals(DeadLetter.REPLAY_REQUESTED, store.find(id).orElseThrow().status());
        assertTrue(store.isParked("moodle:c2:u3"), "a row being replayed still keeps polls away");
        clock.advance(Duration.ofMinutes(7));

        long again = store.write(enrolment(3), "validate", "UNMAPPED_COURSE", "second");

        assertEquals(id, again);
        assertEquals(1, store.count(null));
        DeadLetter d = store.find(id).orElseThrow();
        assertEquals(2, d.attempts());
        assertEquals("validate", d.stage());
        assertEquals("UNMAPPED_COURSE", d.reasonCode());
        assertEquals("second", d.reasonText());
        assertEquals(T0, d.firstFailureAt());
        assertEquals(T0.plus(Duration.ofMinutes(7)), d.lastFailureAt());
        assertEquals(DeadLetter.NEW, d.status(), "waiting for the next replay");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void listFiltersByStatusAndReasonAPageAtATime(String database) throws Exception {
        DeadLetterStore store = store(database);
        for (int u = 1; u <= 5; u++) {
            store.write(enrolment(u), "send", u <= 3 ? "FIELD_INACTIVE" : "FORM_INACTIVE", "r" + u);
        }
        assertTrue(store.setStatus(2, DeadLetter.DISCARDED));

        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), ids(store.list(null, null, 0, 10)));
        assertEquals(List.of(1L, 3L, 4L, 5L), ids(store.list(DeadLetter.NEW, null, 0, 10)));
        assertEquals(List.of(1L, 2L, 3L), ids(store.list(null, "FIELD_INACTIVE", 0, 10)));
        assertEquals(List.of(1L, 3L), ids(store.list(DeadLetter.NEW, "FIELD_INACTIVE", 0, 10)));
        assertEquals(List.of(3L, 4L), ids(store.list(DeadLetter.NEW, null, 1, 2)));
        assertEquals(List.of(5L), ids(store.list(DeadLetter.NEW, null, 3, 2)));
        assertEquals(List.of(), ids(store.list(DeadLetter.REPLAYED, null, 0, 10)));
        assertEquals(5, store.count(null, null));
        assertEquals(4, store.count(DeadLetter.NEW));
        assertEquals(2, store.count(null, "FORM_INACTIVE"));
        assertEquals(2, store.count(DeadLetter.NEW, "FIELD_INACTIVE"));
        assertEquals(List.of(1L, 3L), store.newIds("FIELD_INACTIVE", 500));
    }

    private static List<Long> ids(List<DeadLetter> rows) {
        return rows.stream().map(DeadLetter::id).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void markReplayedClosesTheOpenRowWithTheDocument(String database) throws Exception {
        DeadLetterStore store = store(database);
        long id = store.write(enrolment(3), "send", "FIELD_INACTIVE", "r");
        store.requestReplay(id);

        store.markReplayed("moodle:c2:u3", "DOC-000042");
        store.markReplayed("moodle:c2:u3", "DOC-000043"); // a closed row is not touched again

        DeadLetter d = store.find(id).orElseThrow();
        assertEquals(DeadLetter.REPLAYED, d.status());
        assertEquals(1, d.replayCount());
        assertEquals("DOC-000042", d.resolvedDocumentId());
        assertFalse(store.isParked("moodle:c2:u3"));
        assertFalse(store.requestReplay(id), "a replayed row is not replayed again");
        assertFalse(store.discard(id), "nor discarded");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void statusChangesOnlyWhereTheyMakeSense(String database) throws Exception {
        DeadLetterStore store = store(database);
        long a = store.write(enrolment(1), "send", "FIELD_INACTIVE", "r");
        long b = store.write(enrolment(2), "send", "FIELD_INACTIVE", "r");
        long c = store.write(enrolment(3), "send", "FIELD_INACTIVE", "r");

        assertTrue(store.setStatus(a, DeadLetter.DISCARDED));
        assertFalse(store.setStatus(999, DeadLetter.DISCARDED));
        assertFalse(store.requestReplay(a), "a discarded row is not replayed");
        assertFalse(store.isParked("moodle:c2:u1"));

        assertTrue(store.requestReplay(b));
        assertFalse(store.requestReplay(b), "one replay at a time");
        assertFalse(store.discard(b), "a row being replayed is not discarded");
        store.reopen(b);
        assertEquals(DeadLetter.NEW, store.find(b).orElseThrow().status());

        assertTrue(store.requestReplay(c));
        assertEquals(1, store.reopenInterruptedReplays());
        assertEquals(DeadLetter.NEW, store.find(c).orElseThrow().status());
        assertTrue(store.discard(c));
        assertEquals(DeadLetter.DISCARDED, store.find(c).orElseThrow().status());
        assertEquals(List.of(b), store.newIds("FIELD_INACTIVE", 500));
        assertNotNull(store.find(b).orElseThrow().payload());
    }
}
