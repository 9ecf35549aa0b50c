package io.github.mcsync.enrolment.identity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.mcsync.failure.ReasonCode;
import io.github.mcsync.failure.RecordRejectedException;
import org.junit.jupiter.api.Test;

class UsiRuleTest {

    static String rejected(String usi) {
        RecordRejectedException e = assertThrows(RecordRejectedException.class, () -> UsiRule.check(usi));
        assertEquals(ReasonCode.INVALID_USI.name(), e.code());
        return e.reason();
    }

    @Test
    void tenCharactersOfTheAlphabetAreValid() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        for (int start = 0; start + 10 <= alphabet.length(); start++) {
            String usi = alphabet.substring(start, start + 10);
            assertDoesNotThrow(() -> UsiRule.check(usi), usi);
        }
        assertDoesNotThrow(() -> UsiRule.check("BNGH7C75FN"));
    }

    @Test
    void theCheckCharacterIsNotVerified() {
        // Any last character of the alphabet passes: the Registrar does not publish the check algorithm.
        for (char last : "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray()) {
            assertDoesNotThrow(() -> UsiRule.check("BNGH7C75F" + last));
        }
    }

    @Test
    void noValueMeansNothingToCheck() {
        assertDoesNotThrow(() -> UsiRule.check(null));
        assertDoesNotThrow(() -> UsiRule.check(""));
        assertDoesNotThrow(() -> UsiRule.check("   "));
    }

    @Test
    void wrongLengthIsInvalid() {
        assertEquals("The USI is 9 characters long: a USI has exactly 10", rejected("BNGH7C75F"));
        assertEquals("The USI is 11 characters long: a USI has exactly 10", rejected("BNGH7C75FNA"));
    }

    @Test
    void lettersAndDigitsThatLookAlikeAreNotInTheAlphabet() {
        assertEquals("The USI has 'I' at position 3: USIs never contain I, O, 0 or 1", rejected("BNIH7C75FN"));
        assertEquals("The USI has 'O' at position 10: USIs never contain I, O, 0 or 1", rejected("BNGH7C75FO"));
        assertEquals("The USI has '0' at position 1: USIs never contain I, O, 0 or 1", rejected("0NGH7C75FN"));
        assertEquals("The USI has '1' at position 5: USIs never contain I, O, 0 or 1", rejected("BNGH1C75FN"));
    }

    @Test
    void lowerCaseIsRejectedNotNormalised() {
        assertEquals("The USI has 'n' at position 2: USIs are upper case", rejected("BnGH7C75FN"));
        assertEquals("The USI has 'b' at position 1: USIs are upper case", rejected("bngh7c75fn"));
    }

    @Test
    void otherCharactersAreNamed() {
        assertEquals("The USI has a space at position 1: a USI has only A-H, J-N, P-Z and 2-9", rejected(" BNGH7C75FN"));
        assertEquals("The USI has '-' at position 5: a USI has only A-H, J-N, P-Z and 2-9", rejected("BNGH-7C75F"));
        assertEquals("The USI has 'Ü' at position 2: a USI has only A-H, J-N, P-Z and 2-9", rejected("BÜGH7C75FN"));
        assertEquals("The USI has control or space character U+0009 at position 10: a USI has only A-H, J-N, P-Z"
                + " and 2-9", rejected("BNGH7C75F\t"));
    }
}
