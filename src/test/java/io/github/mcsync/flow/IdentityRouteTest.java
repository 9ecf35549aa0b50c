package io.github.mcsync.flow;

import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.FIELD_CLIENT_ID;
import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.FIELD_MOODLE_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mcsync.SyncHarness;
import io.github.mcsync.demo.coursesales.StoredDocument;
import io.github.mcsync.demo.moodle.SimulatedUser;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 5: one route test per identity strategy, showing the value that reaches the CourseSales simulator. */
class IdentityRouteTest extends FlowTestSupport {

    private SyncHarness phys101(String strategy) throws Exception {
        // no coursesales.field.client-id: the field is found on the form by its Internal Export Id
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").with("identity.strategy", strategy).start();
        return sync;
    }

    private StoredDocument document(long userId) {
        return sync.courseSales.documents().stream().filter(d -> d.sourceReference().equals("moodle:c2:u" + userId))
                .findFirst().orElseThrow(() -> new AssertionError("no document for user " + userId));
    }

    @Test
    void documentSourceIdSendsTheMoodleUserIdAsDocumentSourceIdAndMoodleId() throws Exception {
        phys101("document-source-id").poll();
        StoredDocument jdoe = document(5);
        assertEquals("5", jdoe.documentSourceId());
        assertEquals("5", jdoe.fieldValues().get(FIELD_MOODLE_ID));
        assertNull(jdoe.fieldValues().get(FIELD_CLIENT_ID));
    }

    @Test
    void moodleUseridWritesTheUserIdIntoTheClientIdentifierField() throws Exception {
        phys101("moodle-userid").poll();
        assertEquals("5", document(5).fieldValues().get(FIELD_CLIENT_ID));
        assertEquals("4", document(4).fieldValues().get(FIELD_CLIENT_ID));
    }

    @Test
    void sequentialSendsNoIdentifier() throws Exception {
        phys101("sequential").poll();
        assertEquals(3, sync.courseSales.documents().size());
        sync.courseSales.documents().forEach(d -> assertNull(d.fieldValues().get(FIELD_CLIENT_ID), d.sourceReference()));
    }

    @Test
    void usernameIsSentCutOnlyWhenUniqueAndNeverSilentlyWrong() throws Exception {
        phys101("username");
        long twin = sync.moodle.addUser(SimulatedUser.builder("maximilian.second.account").firstname("Max")
                .lastname("Twin").email("twin@example.com").build());
        long zoe2 = sync.moodle.addUser(SimulatedUser.builder("zoë.w").firstname("Zoë").lastname("W")
                .email("zw@example.com").build());
        sync.moodle.enrol(2, twin, "student");
        sync.moodle.enrol(2, zoe2, "student");

        sync.poll();

        assertEquals("zoe.lukasz", document(3).fieldValues().get(FIELD_CLIENT_ID), "exactly 10 characters");
        assertEquals("maximilian", document(4).fieldValues().get(FIELD_CLIENT_ID), "100 characters cut to a unique 10");
        assertEquals("jdoe", document(5).fieldValues().get(FIELD_CLIENT_ID));
        Map<String, String> reasons = new java.util.HashMap<>();
        sync.deadLetters().forEach(r -> reasons.put((String) r.get("SOURCE_REFERENCE"),
                r.get("REASON_CODE") + " " + r.get("REASON_TEXT")));
        String collision = reasons.get("moodle:c2:u" + twin);
        assertTrue(collision.startsWith("CLIENT_ID_NOT_UNIQUE") && collision.contains("maximilian") && collision.contains("4"),
                collision);
        String invalid = reasons.get("moodle:c2:u" + zoe2);
        assertTrue(invalid.startsWith("CLIENT_ID_INVALID") && invalid.contains("ë"), invalid);
    }
}
