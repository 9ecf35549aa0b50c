package io.github.mcsync.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class XmlCharactersTest {

    @Test
    void whatXmlCarriesPasses() {
        assertNull(XmlCharacters.problem("tab\tline\nreturn\r Zoë 小龍 😀 \uD7FF \uE000 \uFFFD & < >"));
        assertNull(XmlCharacters.problem(""));
    }

    @Test
    void controlCharactersOtherThanTabLineFeedAndReturnAreNamedWithTheirPosition() {
        assertEquals("control character U+0007 at position 4", XmlCharacters.problem("Zoë\u0007"));
        assertEquals("control character U+0000 at position 1", XmlCharacters.problem("\u0000x"));
        assertEquals("control character U+001F at position 2", XmlCharacters.problem("a\u001F"));
    }

    @Test
    void loneSurrogatesAndNonCharactersAreRefused() {
        assertEquals("a lone surrogate U+D800 at position 2", XmlCharacters.problem("a\uD800b"));
        assertEquals("a lone surrogate U+DC00 at position 1", XmlCharacters.problem("\uDC00"));
        assertEquals("a lone surrogate U+D83D at position 3", XmlCharacters.problem("😀x\uD83D"), "a pair counts as one");
        assertEquals("the non-character U+FFFE at position 1", XmlCharacters.problem("\uFFFE"));
        assertEquals("the non-character U+FFFF at position 2", XmlCharacters.problem("x\uFFFF"));
    }
}
