package io.github.mcsync.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault suite at a small N, in {@code mvn verify} (after packaging: the bundle is the real jar, in its own JVM, the
 * simulators in another). {@code bench/faults} runs the same scenarios at full size.
 */
class FaultSuiteIT {
    @TempDir
    Path work;
    FaultSuite suite;

    @BeforeEach
    void suite() {
        suite = new FaultSuite(work, Benchmark.deployedWith("-Xmx512m"), 12);
    }

    private static void passes(FaultSuite.Verdict v) {
        System.out.println(v.line());
        assertTrue(v.pass(), v.line());
    }

    @Test
    void killNineFiveTimesRegistersEveryEnrolmentExactlyOnce() {
        passes(suite.killNine(200, 5));
    }

    @Test
    void aSigtermWhileAPollSendsStopsItAfterTheRecordsInHand() {
        passes(suite.sigterm(300));
    }

    @Test
    void aCourseSalesOutageLosesNothingDuplicatesNothingAndDeadLettersNothing() {
        passes(suite.outage(150, Duration.ofSeconds(10)));
    }

    @Test
    void answersSlowerThanTheReceiveTimeOutDuplicateNothing() {
        passes(suite.slowerThanReceiveTimeout(10));
    }

    @Test
    void moodleGarbageAdvancesNothingAndEverythingArrivesAfterRecovery() {
        passes(suite.moodleGarbage(150));
    }

    @Test
    void aPasswordChangedDuringPollReplayAndPreflightCostsExactlyOneFailedLogin() {
        passes(suite.passwordChanged(1));
    }

    @Test
    void hostileValuesArriveByteExactOrAreDeadLetteredInvalidValueNamingTheField() {
        passes(suite.hostileValues());
    }
}
