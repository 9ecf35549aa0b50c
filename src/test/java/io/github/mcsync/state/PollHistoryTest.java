package io.github.mcsync.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mcsync.Secrets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The run history in the state database, on H2 and on real PostgreSQL: newest first, the last N kept, redacted. */
class PollHistoryTest {
    private static final Instant T0 = Instant.parse("2027-03-01T00:00:00Z");

    static Stream<Arguments> databases() {
        return MigratedDatabases.names();
    }

    private static DataSource database(String name) throws Exception {
        return MigratedDatabases.of(name);
    }

    private static PollHistory.Poll poll(int n, String failure, List<PollHistory.CourseFigures> courses) {
        return new PollHistory.Poll(n, T0.plusSeconds(60L * n), null, failure == null ? "OK" : "FAILED", 10 + n, n, n, 0, 1,
                n == 1 ? 7 : null, failure, null, "poll " + n, courses);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theNewestPollsComeFirstAndOnlyTheLastAreKept(String name) throws Exception {
        Clock at = Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC);
        PollHistory history = new PollHistory(database(name), new ObjectMapper(), at, 3);
        Secrets.register("poll-history-secret-4821");
        List<PollHistory.CourseFigures> courses = List.of(new PollHistory.CourseFigures(2, "PHYS101", 3, 2, 1, null),
                new PollHistory.CourseFigures(4, "FR-101", 0, 0, 0, "HTTP 500"));
        for (int n = 1; n <= 5; n++) {
            history.record(poll(n, n == 4 ? "token poll-history-secret-4821 refused" : null, n == 5 ? courses : List.of()));
        }

        List<PollHistory.Poll> polls = history.latest(10);
        assertEquals(List.of(5, 4, 3), polls.stream().map(PollHistory.Poll::number).toList());
        PollHistory.Poll newest = polls.get(0);
        assertEquals(courses, newest.courses());
        assertEquals(T0.plusSeconds(300), newest.startedAt());
        assertEquals(T0.plusSeconds(3600), newest.finishedAt());
        assertEquals(3300_000, newest.durationMillis());
        assertEquals(15, newest.found());
        assertEquals(1, newest.waiting());
        assertNull(newest.baseline());
        assertEquals("token **** refused", polls.get(1).failure(), "reasons are stored redacted");
        assertEquals(List.of(), polls.get(1).courses());
        assertEquals(List.of(5), history.latest(1).stream().map(PollHistory.Poll::number).toList());
    }

    @Test
    void atLeastOnePollIsKept() {
        assertThrows(IllegalArgumentException.class, () -> new PollHistory(new JdbcDataSource(), new ObjectMapper(),
                Clock.systemUTC(), 0));
    }
}
