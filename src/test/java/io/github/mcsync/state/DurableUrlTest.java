package io.github.mcsync.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * An H2 file state database writes every commit at once (a kill -9 forgets no in-flight mark) and is closed by the
 * pool when Camel stops, not by H2's own JVM hook in the middle of a graceful shutdown; what a URL sets itself stays.
 */
class DurableUrlTest {
    @Test
    void anH2FileWritesEveryCommitAndLeavesClosingToThePool() {
        assertEquals("jdbc:h2:file:./data/sync-state;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
                StateDatabase.durable("jdbc:h2:file:./data/sync-state"));
    }

    @Test
    void settingsTheUrlNamesAreKept() {
        assertEquals("jdbc:h2:file:/s;write_delay=100;DB_CLOSE_ON_EXIT=FALSE",
                StateDatabase.durable("jdbc:h2:file:/s;write_delay=100"));
        assertEquals("jdbc:h2:file:/s;DB_CLOSE_ON_EXIT=TRUE;WRITE_DELAY=0",
                StateDatabase.durable("jdbc:h2:file:/s;DB_CLOSE_ON_EXIT=TRUE"));
    }

    @Test
    void otherDatabasesAreUntouched() {
        assertEquals("jdbc:postgresql://db/sync", StateDatabase.durable("jdbc:postgresql://db/sync"));
        assertEquals("jdbc:h2:mem:test", StateDatabase.durable("jdbc:h2:mem:test"));
    }
}
