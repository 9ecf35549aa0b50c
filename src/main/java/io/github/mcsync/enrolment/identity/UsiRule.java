package io.github.mcsync.enrolment.identity;

import io.github.mcsync.failure.ReasonCode;
import io.github.mcsync.failure.RecordRejectedException;

/**
 * The format of a Unique Student Identifier, checked before a mapped USI is sent: exactly 10 characters of
 * A-H, J-N, P-Z and 2-9 (no I, O, 0 or 1), the format CourseSales' "AVETMISS 8.0 USI" field validation uses.
 * <p>
 * Upper case only, not normalised: values are sent unchanged, so a lower-case USI is rejected for correction
 * in Moodle rather than sent as it is. Messages name the problem, never the whole USI (personal information).
 * <p>
 * The check character (the tenth) is NOT verified. The Student Identifiers Registrar does not publish the
 * algorithm: it is given out on request (https://www.usi.gov.au/providers/forms-and-documents/usi-check-character-algorithm-request).
 * Third-party code implements it as Luhn mod N over this alphabet, but that is not an authoritative source.
 * Whether a USI exists (and belongs to the student) only the USI Registry can tell.
 */
public final class UsiRule {
    public static final int LENGTH = 10;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private UsiRule() {
    }

    /**
     * @param usi the profile value; null or blank means no USI is sent, so there is nothing to check (whether
     *            one is mandatory is the form's concern)
     * @throws RecordRejectedException INVALID_USI naming the problem
     */
    public static void check(String usi) {
        if (usi == null || usi.isBlank()) {
            return;
        }
        int[] codePoints = usi.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            int c = codePoints[i];
            if (ALPHABET.indexOf(c) < 0) {
                throw invalid("The USI has " + describe(c) + " at position " + (i + 1) + why(c));
            }
        }
        if (codePoints.length != LENGTH) {
            throw invalid("The USI is " + codePoints.length + " characters long: a USI has exactly " + LENGTH);
        }
    }

    private static String describe(int c) {
        if (c == ' ') {
            return "a space";
        }
        if (Character.isISOControl(c) || Character.isWhitespace(c)) {
            return String.format("control or space character U+%04X", c);
        }
        return "'" + Character.toString(c) + "'";
    }

    private static String why(int c) {
        if (c == 'I' || c == 'O' || c == '0' || c == '1') {
            return ": USIs never contain I, O, 0 or 1";
        }
        if (ALPHABET.indexOf(Character.toUpperCase(c)) >= 0) {
            return ": USIs are upper case";
        }
        return ": a USI has only A-H, J-N, P-Z and 2-9";
    }

    private static RecordRejectedException invalid(String reason) {
        return new RecordRejectedException(ReasonCode.INVALID_USI, reason);
    }
}
