package io.github.mcsync.enrolment.identity;

import static io.github.mcsync.enrolment.identity.IdentityStrategy.DOCUMENT_SOURCE_ID;
import static io.github.mcsync.enrolment.identity.IdentityStrategy.MOODLE_USERID;
import static io.github.mcsync.enrolment.identity.IdentityStrategy.SEQUENTIAL;
import static io.github.mcsync.enrolment.identity.IdentityStrategy.USERNAME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mcsync.enrolment.Enrolment;
import io.github.mcsync.failure.ReasonCode;
import io.github.mcsync.failure.RecordRejectedException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Users as in the Moodle fixtures: 3 zoe.lukasz, 4 (100 characters), 5 jdoe, 6 li.xiaolong, 9 renee.dupont, 10 sean.oconchuir. */
class ClientIdentifiersTest {
    static final String LONG = "maximilian.alexander.von.longusername.".concat("x".repeat(62));

    final IdentityAssignments assignments = new IdentityAssignments(TestDatabase.fresh(),
            Clock.fixed(Instant.parse("2026-03-02T09:15:30Z"), ZoneOffset.UTC));

    static Enrolment user(long id, String username) {
        return new Enrolment(id, username, "First", "Last", username + "@example.edu.au", null, null, null, null, null,
                null, null, Map.of(), 2, "PHYS101", "Introduction to Physics", "PHYS101-2026", 4, null, List.of("student"),
                null, null, "ws", null);
    }

    Identity identify(IdentityStrategy strategy, long id, String username) {
        return new ClientIdentifiers(strategy, assignments).identify(user(id, username));
    }

    RecordRejectedException rejected(ReasonCode code, IdentityStrategy strategy, long id, String username) {
        RecordRejectedException e = assertThrows(RecordRejectedException.class, () -> identify(strategy, id, username));
        assertEquals(code.name(), e.code());
        assertTrue(assignments.forUser(id).isEmpty(), "a rejected user gets no assignment");
        return e;
    }

    // ---------------------------------------------------------------- one strategy each

    @Test
    void documentSourceIdIsTheMoodleUserIdCarriedByDocumentSourceIdNotTheClientIdField() {
        Identity i = identify(DOCUMENT_SOURCE_ID, 5, "jdoe");
        assertEquals(new Identity(5, "5", DOCUMENT_SOURCE_ID, null), i);
        assertFalse(i.clientIdRequired());
        assertEquals("5", assignments.forUser(5).orElseThrow().identifier());
        assertEquals(i, identify(DOCUMENT_SOURCE_ID, 5, "jdoe"), "the next enrolment sends the same");
    }

    @Test
    void moodleUseridWritesTheUserIdIntoTheClientIdField() {
        Identity i = identify(MOODLE_USERID, 9, "renee.dupont");
        assertEquals(new Identity(9, "9", MOODLE_USERID, "9"), i);
        assertFalse(i.clientIdRequired(), "DocumentSourceId carries the same value");
    }

    @Test
    void sequentialSendsNoIdentifierForAnyUser() {
        assertEquals(new Identity(9, null, SEQUENTIAL, null), identify(SEQUENTIAL, 9, "renee.dupont"));
        assertEquals(new Identity(10, null, SEQUENTIAL, null), identify(SEQUENTIAL, 10, "sean.oconchuir"));
        assertEquals(SEQUENTIAL, assignments.forUser(10).orElseThrow().strategy());
    }

    @Test
    void usernameOfAtMostTenCharactersIsSentAsItIs() {
        assertEquals(new Identity(5, "jdoe", USERNAME, "jdoe"), identify(USERNAME, 5, "jdoe"));
        Identity ten = identify(USERNAME, 3, "zoe.lukasz");
        assertEquals(new Identity(3, "zoe.lukasz", USERNAME, "zoe.lukasz"), ten);
        assertTrue(ten.clientIdRequired(), "only the client-id field carries a username");
    }

    @Test
    void usernameOfElevenCharactersIsCutToTenWhenThatIsUnique() {
        assertEquals(new Identity(6, "li.xiaolon", USERNAME, "li.xiaolon"), identify(USERNAME, 6, "li.xiaolong"));
    }

    @Test
    void hundredCharacterUsernameIsCutToTenWhenThatIsUnique() {
        assertEquals(100, LONG.length());
        assertEquals(new Identity(4, "maximilian", USERNAME, "maximilian"), identify(USERNAME, 4, LONG));
        assertEquals(LONG, assignments.forUser(4).orElseThrow().usernameAtAssignment());
    }

    // ---------------------------------------------------------------- uniqueness

    @Test
    void twoUsernamesWithTheSameFirstTenCharactersNeverShareTheCutValue() {
        identify(USERNAME, 4, LONG);
        String other = "maximilian.alexander.von.longusername.".concat("y".repeat(62));
        RecordRejectedException e = rejected(ReasonCode.CLIENT_ID_NOT_UNIQUE, USERNAME, 12, other);
        assertEquals("AVETMISS Client Identifier 'maximilian' (the first 10 characters of Moodle username '" + other
                + "') is already held by Moodle user 4 (username '" + LONG + "' when assigned under username)", e.reason());
    }

    @Test
    void usernameEqualToAnotherUsersCutValueIsNotUnique() {
        identify(USERNAME, 4, LONG);
        RecordRejectedException e = rejected(ReasonCode.CLIENT_ID_NOT_UNIQUE, USERNAME, 13, "maximilian");
        assertEquals("AVETMISS Client Identifier 'maximilian' (the Moodle username) is already held by Moodle user 4"
                + " (username '" + LONG + "' when assigned under username)", e.reason());
    }

    @Test
    void cutValueEqualToAnotherUsersUsernameIsNotUnique() {
        identify(USERNAME, 13, "maximilian");
        RecordRejectedException e = rejected(ReasonCode.CLIENT_ID_NOT_UNIQUE, USERNAME, 4, LONG);
        assertTrue(e.reason().contains("is already held by Moodle user 13 (username 'maximilian'"), e.reason());
    }

    @Test
    void usernameFreedByARenameStaysWithItsFirstHolder() {
        identify(USERNAME, 5, "jdoe");
        identify(USERNAME, 5, "john.doe");
        RecordRejectedException e = rejected(ReasonCode.CLIENT_ID_NOT_UNIQUE, USERNAME, 14, "jdoe");
        assertEquals("AVETMISS Client Identifier 'jdoe' (the Moodle username) is already held by Moodle user 5"
                + " (username 'jdoe' when assigned under username)", e.reason());
    }

    @Test
    void moodleUserIdCollidingWithANumericUsernameIsNotUnique() {
        identify(USERNAME, 20, "9");
        RecordRejectedException e = rejected(ReasonCode.CLIENT_ID_NOT_UNIQUE, MOODLE_USERID, 9, "renee.dupont");
        assertEquals("AVETMISS Client Identifier '9' (the Moodle user id) is already held by Moodle user 20"
                + " (username '9' when assigned under username)", e.reason());
        rejected(ReasonCode.CLIENT_ID_NOT_UNIQUE, DOCUMENT_SOURCE_ID, 9, "renee.dupont");
    }

    // ---------------------------------------------------------------- a page claimed before the send lanes

    @Test
    void aPageClaimsItsNewUsersIdentifiersAndLeavesTheHeldOnesAsTheyAre() {
        identify(USERNAME, 5, "jdoe");
        new ClientIdentifiers(MOODLE_USERID, assignments).claimInOrder(List.of(user(3, "zoe.lukasz"), user(5, "john.doe"),
                user(9, "renee.dupont"), user(3, "zoe.lukasz")));

        assertEquals("3", assignments.forUser(3).orElseThrow().identifier());
        assertEquals("9", assignments.forUser(9).orElseThrow().identifier());
        assertEquals(new Identity(5, "jdoe", USERNAME, "jdoe"), identify(MOODLE_USERID, 5, "john.doe"), "held before");
    }

    @Test
    void aContestedIdentifierInOnePageGoesToTheFirstInMoodlesOrder() {
        String other = "maximilian.alexander.von.longusername.".concat("y".repeat(62));
        new ClientIdentifiers(USERNAME, assignments).claimInOrder(List.of(user(12, other), user(5, "jdoe"), user(4, LONG),
                user(7, "bad name")));

        assertEquals("maximilian", assignments.forUser(12).orElseThrow().identifier(), "first in Moodle's order");
        assertEquals("jdoe", assignments.forUser(5).orElseThrow().identifier());
        rejected(ReasonCode.CLIENT_ID_NOT_UNIQUE, USERNAME, 4, LONG);
        rejected(ReasonCode.CLIENT_ID_INVALID, USERNAME, 7, "bad name");
    }

    @Test
    void aPageWhoseIdentifierAnotherInstanceTookMeanwhileClaimsTheOthersOneByOne() {
        assignments.assign(40, "jdoe", USERNAME, "jdoe"); // another instance, after this one read the page
        new ClientIdentifiers(USERNAME, assignments).claimInOrder(List.of(user(3, "zoe.lukasz"), user(5, "jdoe")));

        assertEquals("zoe.lukasz", assignments.forUser(3).orElseThrow().identifier());
        rejected(ReasonCode.CLIENT_ID_NOT_UNIQUE, USERNAME, 5, "jdoe");
    }

    // ---------------------------------------------------------------- stability

    @Test
    void aChangedUsernameKeepsTheIdentifier() {
        identify(USERNAME, 5, "jdoe");
        assertEquals(new Identity(5, "jdoe", USERNAME, "jdoe"), identify(USERNAME, 5, "john.doe"));
        identify(USERNAME, 6, "li.xiaolong");
        assertEquals("li.xiaolon", identify(USERNAME, 6, "xiaolong.li").identifier());
        assertEquals("li.xiaolon", identify(USERNAME, 6, "小龍").identifier(), "even one no longer valid");
    }

    @Test
    void switchingFromUsernameKeepsOldIdentifiersAndAppliesToNewUsersOnly() {
        identify(USERNAME, 5, "jdoe");
        identify(USERNAME, 4, LONG);

        Identity old = identify(DOCUMENT_SOURCE_ID, 5, "jdoe");
        assertEquals(new Identity(5, "jdoe", USERNAME, "jdoe"), old);
        assertTrue(old.clientIdRequired());
        assertEquals(new Identity(4, "maximilian", USERNAME, "maximilian"), identify(SEQUENTIAL, 4, LONG));
        assertEquals(new Identity(4, "maximilian", USERNAME, "maximilian"), identify(MOODLE_USERID, 4, LONG));

        assertEquals(new Identity(9, "9", DOCUMENT_SOURCE_ID, null), identify(DOCUMENT_SOURCE_ID, 9, "renee.dupont"));
    }

    @Test
    void switchingFromDocumentSourceIdSendsTheOldIdentifierInTheClientIdField() {
        identify(DOCUMENT_SOURCE_ID, 9, "renee.dupont");

        Identity old = identify(USERNAME, 9, "renee.dupont");
        assertEquals(new Identity(9, "9", DOCUMENT_SOURCE_ID, "9"), old);
        assertFalse(old.clientIdRequired(), "DocumentSourceId carries it too");
        assertEquals(new Identity(10, "sean.oconc", USERNAME, "sean.oconc"), identify(USERNAME, 10, "sean.oconchuir"));
    }

    @Test
    void switchingFromSequentialKeepsSendingNoIdentifierForOldUsers() {
        identify(SEQUENTIAL, 9, "renee.dupont");
        assertEquals(new Identity(9, null, SEQUENTIAL, null), identify(USERNAME, 9, "renee.dupont"));
        assertEquals(new Identity(9, null, SEQUENTIAL, null), identify(MOODLE_USERID, 9, "renee.dupont"));
        assertEquals(new Identity(5, "5", MOODLE_USERID, "5"), identify(MOODLE_USERID, 5, "jdoe"));
    }

    @Test
    void switchingToSequentialStillSendsAnEarlierIdentifier() {
        identify(MOODLE_USERID, 5, "jdoe");
        assertEquals(new Identity(5, "5", MOODLE_USERID, "5"), identify(SEQUENTIAL, 5, "jdoe"));
        assertEquals(new Identity(6, null, SEQUENTIAL, null), identify(SEQUENTIAL, 6, "li.xiaolong"));
    }

    // ---------------------------------------------------------------- invalid values

    @Test
    void nonAsciiUsernameIsInvalidAndNamesTheCharacter() {
        assertEquals("The Moodle username 'zoë.ł' has non-ASCII character 'ë' (U+00EB) at position 3"
                + " (usernames are not transliterated)", rejected(ReasonCode.CLIENT_ID_INVALID, USERNAME, 3, "zoë.ł").reason());
        assertEquals("The Moodle username '小龍' has non-ASCII character '小' (U+5C0F) at position 1"
                + " (usernames are not transliterated)", rejected(ReasonCode.CLIENT_ID_INVALID, USERNAME, 6, "小龍").reason());
    }

    @Test
    void nonAsciiBeyondTheTenthCharacterIsNotCutAway() {
        RecordRejectedException e = rejected(ReasonCode.CLIENT_ID_INVALID, USERNAME, 9, "renee.dupont.é");
        assertTrue(e.reason().contains("'é' (U+00E9) at position 14"), e.reason());
    }

    @Test
    void characterOutsideTheBasicPlaneCountsAsOnePosition() {
        RecordRejectedException e = rejected(ReasonCode.CLIENT_ID_INVALID, USERNAME, 5, "j😀doe");
        assertTrue(e.reason().contains("'😀' (U+1F600) at position 2"), e.reason());
    }

    @Test
    void blankUsernameIsInvalid() {
        assertEquals("The Moodle username '' is blank", rejected(ReasonCode.CLIENT_ID_INVALID, USERNAME, 5, "").reason());
        assertEquals("The Moodle username '   ' is blank", rejected(ReasonCode.CLIENT_ID_INVALID, USERNAME, 5, "   ").reason());
        assertEquals("The Moodle username is blank", rejected(ReasonCode.CLIENT_ID_INVALID, USERNAME, 5, null).reason());
    }

    @Test
    void spaceAndControlCharactersAreNotPrintable() {
        assertEquals("The Moodle username 'john doe' has a space at position 5",
                rejected(ReasonCode.CLIENT_ID_INVALID, USERNAME, 5, "john doe").reason());
        assertEquals("The Moodle username 'jdoe ' has a space at position 5",
                rejected(ReasonCode.CLIENT_ID_INVALID, USERNAME, 5, "jdoe ").reason());
        assertEquals("The Moodle username 'jd\toe' has control character U+0009 at position 3",
                rejected(ReasonCode.CLIENT_ID_INVALID, USERNAME, 5, "jd\toe").reason());
        assertEquals("The Moodle username 'jdoe\u007F' has control character U+007F at position 5",
                rejected(ReasonCode.CLIENT_ID_INVALID, USERNAME, 5, "jdoe\u007F").reason());
    }

    @Test
    void everyPrintableAsciiCharacterOtherThanSpaceIsAccepted() {
        StringBuilder all = new StringBuilder();
        for (char c = '!'; c <= '~'; c++) {
            all.append(c);
        }
        for (int start = 0, id = 100; start < all.length(); start += 10, id++) {
            String chunk = all.substring(start, Math.min(start + 10, all.length()));
            assertEquals(chunk, identify(USERNAME, id, chunk).identifier());
        }
    }

    @Test
    void moodleUserIdOfTenDigitsIsValidAndOfElevenIsNot() {
        assertEquals("1234567890", identify(MOODLE_USERID, 1234567890L, "big").identifier());
        assertEquals("The Moodle user id 12345678901 is 11 characters long (at most 10)",
                rejected(ReasonCode.CLIENT_ID_INVALID, MOODLE_USERID, 12345678901L, "bigger").reason());
        rejected(ReasonCode.CLIENT_ID_INVALID, DOCUMENT_SOURCE_ID, 12345678901L, "bigger");
    }
}
