package io.github.mcsync.enrolment;

import io.github.mcsync.failure.RecordRejectedException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mcsync.coursesales.CourseSalesMetadata;
import io.github.mcsync.coursesales.CourseSalesMetadata.CourseDate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CourseLinkerTest {
    static CourseSalesMetadata metadata(CourseDate... dates) {
        return new CourseSalesMetadata(null, null, null, List.of(), List.of(dates), Instant.EPOCH);
    }

    static CourseDate date(int id, String code, Integer moodleId) {
        return new CourseDate(id, "d" + id, code, "Scheduled", true, 501, moodleId);
    }

    static Enrolment in(long courseId, String shortname, String idnumber) {
        return new Enrolment(3, "u", "F", "L", "e@x", null, null, null, null, null, null, null, Map.of(), courseId,
                shortname, shortname, idnumber, 4, null, List.of("student"), null, null, "ws", null);
    }

    private final CourseLinker linker = new CourseLinker("idnumber");

    @Test
    void moodleIdWinsOverCodes() {
        assertEquals(1, linker.link(in(2, "PHYS101", "CodeA"), metadata(date(2, "CodeA", null), date(1, null, 2))).courseDateId());
    }

    @Test
    void leftmostCodeNamingACourseDateWins() {
        CourseSalesMetadata m = metadata(date(10, "CodeA", null), date(11, "CODEB", null));
        assertEquals(11, linker.link(in(3, "PHYS301", "CODEB; CodeA"), m).courseDateId());
        assertEquals(10, linker.link(in(3, "PHYS301", "nope;  CodeA "), m).courseDateId());
    }

    @Test
    void codesMatchCaseSensitivelyAndSayWhenOnlyCaseDiffers() {
        RecordRejectedException e = assertThrows(RecordRejectedException.class,
                () -> linker.link(in(3, "PHYS301", "codea"), metadata(date(10, "CodeA", null))));
        assertEquals("UNMAPPED_COURSE", e.code());
        assertTrue(e.getMessage().contains("'codea' matches course date 'CodeA' only if case is ignored"), e.getMessage());
    }

    @Test
    void noIdNoCodeIsUnmapped() {
        RecordRejectedException e = assertThrows(RecordRejectedException.class,
                () -> linker.link(in(5, "SCI-LAB", ""), metadata(date(10, "CodeA", 2))));
        assertEquals("UNMAPPED_COURSE", e.code());
        assertTrue(e.getMessage().contains("no offer code"), e.getMessage());
    }

    @Test
    void shortnameCanCarryTheCodes() {
        CourseLinker byShortname = new CourseLinker("shortname");
        assertEquals(10, byShortname.link(in(4, "FR-101", "zzz"), metadata(date(10, "FR-101", null))).courseDateId());
        assertThrows(IllegalArgumentException.class, () -> new CourseLinker("fullname"));
    }
}
