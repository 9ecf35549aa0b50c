package io.github.mcsync.demo.moodle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestParametersTest {

    @Test
    void nestedNamesBecomeATreeInArrivalOrder() {
        RestParameters p = RestParameters.parse("courseid=2&options%5B1%5D%5Bname%5D=limitnumber"
                + "&options%5B1%5D%5Bvalue%5D=3&options[0][name]=limitfrom&options[0][value]=0");

        assertEquals("2", p.value("courseid"));
        assertEquals(Map.of("limitnumber", "3", "limitfrom", "0"), p.child("options").pairs("name", "value"));
        assertEquals(List.of("limitnumber", "limitfrom"),
                p.child("options").children().stream().map(o -> o.value("name")).toList());
        assertEquals("options[1][name]", p.asFlatMap().keySet().stream().skip(1).findFirst().orElseThrow());
    }

    @Test
    void arraysOfScalarsWithIndexesOrEmptyBrackets() {
        RestParameters p = RestParameters.parse("options[ids][0]=2&options[ids][1]=3&courseids[]=7&courseids[]=8");

        assertEquals(List.of("2", "3"), p.child("options").child("ids").values());
        assertEquals(List.of("7", "8"), p.child("courseids").values());
    }

    @Test
    void decodesPlusPercentAndUtf8() {
        RestParameters p = RestParameters.parse("v=id%2C+fullname&name=Se%C3%A1n&flag&empty=");

        assertEquals("id, fullname", p.value("v"));
        assertEquals("Seán", p.value("name"));
        assertEquals("", p.value("flag"));
        assertEquals("", p.value("empty"));
        assertTrue(RestParameters.parse(null).isEmpty());
    }

    @Test
    void bodyReplacesTopLevelNamesOfTheQuery() {
        RestParameters query = RestParameters.parse("wstoken=t&courseid=2&options[0][name]=onlyactive&options[0][value]=1");
        RestParameters body = RestParameters.parse("courseid=4&options[0][name]=limitfrom&options[0][value]=5");

        RestParameters merged = query.mergedWith(body);

        assertEquals("4", merged.value("courseid"));
        assertEquals("t", merged.value("wstoken"));
        assertEquals(Map.of("limitfrom", "5"), merged.child("options").pairs("name", "value"));
        assertEquals(Map.of("wstoken", "t", "courseid", "4", "options[0][name]", "limitfrom",
                "options[0][value]", "5"), merged.asFlatMap());
    }

    @Test
    void withoutDropsTopLevelNames() {
        RestParameters p = RestParameters.parse("wstoken=t&wsfunction=f&courseid=2").without(n -> n.startsWith("ws"));

        assertEquals(List.of("courseid"), List.copyOf(p.names()));
        assertEquals(Map.of("courseid", "2"), p.asFlatMap());
    }

    @Test
    void validationFailsLikeMoodle() {
        RestParameters p = RestParameters.parse("courseid=abc&foo=1&options[0][name]=x");

        assertThrows(MoodleError.class, () -> p.requireOnly("courseid"));
        assertThrows(MoodleError.class, () -> p.requiredInt("courseid"));
        assertThrows(MoodleError.class, () -> p.requiredInt("missing"));
        assertThrows(MoodleError.class, () -> p.child("options").pairs("name", "value"));
        assertEquals(-3, RestParameters.parse("n=-3").requiredInt("n"));
        assertNull(p.value("options"));
    }
}
