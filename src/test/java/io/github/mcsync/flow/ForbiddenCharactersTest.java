package io.github.mcsync.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mcsync.LogCapture;
import io.github.mcsync.SyncHarness;
import io.github.mcsync.demo.moodle.SimulatedUser;
import io.github.mcsync.feed.PollRun;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 8 item 17: a Moodle value with a character XML 1.0 cannot carry is INVALID_VALUE naming the field, never a
 * marshalling failure or UNEXPECTED_ERROR, and it leaves no in-flight mark; an unmapped value with one does not matter.
 * (A lone surrogate cannot come through the Moodle simulator's UTF-8 JSON: ValidateRouteTest sends one to the route.)
 */
class ForbiddenCharactersTest extends FlowTestSupport {

    @Test
    void aControlCharacterInAMappedValueIsAnInvalidValueNamingTheField() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").with("coursesales.fields.110", "city").start();
        long bell = sync.moodle.addUser(SimulatedUser.builder("bell").firstname("Bell").lastname("Ringer")
                .email("bell@example.com").city("Kra\u0007ków").build());
        long nul = sync.moodle.addUser(SimulatedUser.builder("nul").firstname("Nul\u0000").lastname("Character")
                .email("nul@example.com").build());
        long fffe = sync.moodle.addUser(SimulatedUser.builder("fffe").firstname("Non").lastname("Character\uFFFE")
                .email("fffe@example.com").build());
        long unmapped = sync.moodle.addUser(SimulatedUser.builder("unmapped").firstname("Dept").lastname("Only")
                .email("dept@example.com").department("Phys\u0001ics").build());
        for (long user : new long[] {bell, nul, fffe, unmapped}) {
            sync.moodle.enrol(2, user, "student");
        }

        PollRun run;
        try (LogCapture log = new LogCapture()) {
            run = sync.poll();
            assertFalse(log.all().contains("UNEXPECTED_ERROR") || log.all().contains("Marshalling"), log.all());
        }

        assertEquals("poll 1: 7 new, 4 sent, 3 dead-lettered", run.summary());
        Map<String, String> reasons = new java.util.HashMap<>();
        sync.deadLetters().forEach(r -> reasons.put((String) r.get("SOURCE_REFERENCE"), r.get("REASON_CODE") + " "
                + r.get("REASON_TEXT")));
        assertEquals("INVALID_VALUE the value for field 110 'City' (coursesales.fields.110 = city) has control character"
                + " U+0007 at position 4, which XML 1.0 (and so SOAP) cannot carry", reasons.get("moodle:c2:u" + bell));
        assertEquals("INVALID_VALUE the value for field 101 'First name' (coursesales.field.first-name (firstname)) has"
                + " control character U+0000 at position 4, which XML 1.0 (and so SOAP) cannot carry", reasons.get("moodle:c2:u" + nul));
        assertEquals("INVALID_VALUE the value for field 102 'Last name' (coursesales.field.last-name (lastname)) has the"
                + " non-character U+FFFE at position 10, which XML 1.0 (and so SOAP) cannot carry", reasons.get("moodle:c2:u" + fffe));
        assertEquals(0, sync.state().queryForObject("SELECT COUNT(*) FROM in_flight", Integer.class), "no in-flight mark left");
        assertEquals(4, sync.courseSales.callCount("SubmitRegistration"), "none of the three was sent");
        assertTrue(sync.doneKeys().contains("moodle:c2:u" + unmapped), "a value that is not mapped is not sent, so it does not matter");
    }
}
