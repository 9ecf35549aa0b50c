package io.github.mcsync.enrolment.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdentityStrategyTest {

    @Test
    void parsesEachPropertyValue() {
        assertEquals(IdentityStrategy.DOCUMENT_SOURCE_ID, IdentityStrategy.parse("document-source-id"));
        assertEquals(IdentityStrategy.MOODLE_USERID, IdentityStrategy.parse("moodle-userid"));
        assertEquals(IdentityStrategy.SEQUENTIAL, IdentityStrategy.parse("sequential"));
        assertEquals(IdentityStrategy.USERNAME, IdentityStrategy.parse(" username "));
        for (IdentityStrategy s : IdentityStrategy.values()) {
            assertEquals(s, IdentityStrategy.parse(s.property()));
        }
    }

    @Test
    void unsetMeansTheSafeDefault() {
        assertEquals(IdentityStrategy.DOCUMENT_SOURCE_ID, IdentityStrategy.DEFAULT);
        assertEquals(IdentityStrategy.DEFAULT, IdentityStrategy.parse(null));
        assertEquals(IdentityStrategy.DEFAULT, IdentityStrategy.parse("  "));
    }

    @Test
    void unknownValueNamesTheAllowedOnes() {
        for (String bad : new String[] {"USERNAME", "user-name", "document_source_id", "email"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IdentityStrategy.parse(bad));
            assertEquals("identity.strategy '" + bad + "' is unknown: use one of "
                    + "document-source-id, moodle-userid, sequential, username", e.getMessage());
        }
    }

    @Test
    void onlyMoodleUseridAndUsernameNeedTheClientIdField() {
        assertFalse(IdentityStrategy.DOCUMENT_SOURCE_ID.needsClientIdField());
        assertTrue(IdentityStrategy.MOODLE_USERID.needsClientIdField());
        assertFalse(IdentityStrategy.SEQUENTIAL.needsClientIdField());
        assertTrue(IdentityStrategy.USERNAME.needsClientIdField());
    }
}
