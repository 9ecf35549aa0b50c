package io.github.mcsync.validation;

/**
 * The characters XML 1.0 can carry (its production Char): tab, line feed, carriage return, U+0020 to U+D7FF,
 * U+E000 to U+FFFD and U+10000 to U+10FFFF as a surrogate pair. Anything else (the other control characters, a lone
 * surrogate, U+FFFE and U+FFFF) cannot be sent in a SOAP message, not even as a character reference.
 */
public final class XmlCharacters {
    private XmlCharacters() {
    }

    /** What in the value XML 1.0 cannot carry, with its position (counted in characters from 1), or null. */
    public static String problem(String value) {
        int position = 0;
        for (int i = 0; i < value.length(); i++) {
            position++;
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++; // a pair: U+10000 to U+10FFFF
            } else if (Character.isSurrogate(c)) {
                return "a lone surrogate " + unicode(c) + " at position " + position;
            } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return "control character " + unicode(c) + " at position " + position;
            } else if (c == 0xFFFE || c == 0xFFFF) {
                return "the non-character " + unicode(c) + " at position " + position;
            }
        }
        return null;
    }

    private static String unicode(char c) {
        return String.format("U+%04X", (int) c);
    }
}
