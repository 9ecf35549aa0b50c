package io.github.mcsync.enrolment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mcsync.coursesales.CourseSalesMetadata;
import io.github.mcsync.coursesales.CourseSalesMetadata.CourseDate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CourseLinkerTest {
    static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
    /** 2026-12-01 in Sydney. */
    static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-30T22:00:00Z"), ZoneOffset.UTC);

    static CourseSalesMetadata metadata(CourseDate... dates) {
        return new CourseSalesMetadata(null, null, null, List.of(), List.of(dates), Instant.EPOCH);
    }

    static CourseDate date(int id, String code, Integer moodleId) {
        return starting(id, code, moodleId, LocalDate.of(2027, 2, 22));
    }

    static CourseDate starting(int id, String code, Integer moodleId, LocalDate start) {
        return new CourseDate(id, "d" + id, code, start, "Scheduled", true, 501, moodleId);
    }

    static Enrolment in(long courseId, String shortname, String idnumber) {
        return enrolment(courseId, shortname, idnumber, null, null);
    }

    static Enrolment enrolment(long courseId, String shortname, String idnumber, Long timeCreated, Long timeStart) {
        return new Enrolment(3, "u", "F", "L", "e@x", null, null, null, null, null, null, null, Map.of(), courseId,
                shortname, shortname, idnumber, 4, null, List.of("student"), timeCreated, timeStart, "ws", null);
    }

    private final CourseLinker linker = new CourseLinker("idnumber", TODAY, SYDNEY);

    private static long epoch(String sydneyDateTime) {
        return java.time.LocalDateTime.parse(sydneyDateTime).atZone(SYDNEY).toEpochSecond();
    }

    @Test
    void moodleIdWinsOverCodes() {
        CourseLink link = linker.link(in(2, "PHYS101", "CodeA"), metadata(date(2, "CodeA", null), date(1, null, 2)));
        assertEquals(1, link.courseDate().courseDateId());
        assertEquals("Moodle Id 2", link.choice());
        assertFalse(link.severalCandidates());
    }

    @Test
    void leftmostCodeNamingACourseDateWins() {
        CourseSalesMetadata m = metadata(date(10, "CodeA", null), date(11, "CODEB", null));
        assertEquals(11, linker.link(in(3, "PHYS301", "CODEB; CodeA"), m).courseDate().courseDateId());
        assertEquals(10, linker.link(in(3, "PHYS301", "nope;  CodeA "), m).courseDate().courseDateId());
        assertEquals("offer code 'CodeA'", linker.link(in(3, "PHYS301", "nope;  CodeA "), m).choice());
    }

    @Test
    void codesMatchCaseSensitivelyAndSayWhenOnlyCaseDiffers() {
        CourseLink link = linker.link(in(3, "PHYS301", "codea"), metadata(date(10, "CodeA", null)));
        assertEquals("UNMAPPED_COURSE", link.problems().get(0).code());
        assertTrue(link.problems().get(0).message().contains("'codea' matches course date 'CodeA' only if case is ignored"),
                link.problems().get(0).message());
    }

    @Test
    void noIdNoCodeIsUnmapped() {
        CourseLink link = linker.link(in(5, "SCI-LAB", ""), metadata(date(10, "CodeA", 2)));
        assertEquals("UNMAPPED_COURSE", link.problems().get(0).code());
        assertTrue(link.problems().get(0).message().contains("no offer code"), link.problems().get(0).message());
    }

    @Test
    void shortnameCanCarryTheCodes() {
        CourseLinker byShortname = new CourseLinker("shortname", TODAY, SYDNEY);
        assertEquals(10, byShortname.link(in(4, "FR-101", "zzz"), metadata(date(10, "FR-101", null))).courseDate().courseDateId());
        assertThrows(IllegalArgumentException.class, () -> new CourseLinker("fullname", TODAY, SYDNEY));
    }

    // ---- several Scheduled course dates with the same Moodle Id (one per intake)

    private static final CourseSalesMetadata INTAKES = metadata(
            starting(9011, null, 2, LocalDate.of(2026, 10, 5)),
            starting(9013, null, 2, LocalDate.of(2027, 7, 19)),
            starting(9012, null, 2, LocalDate.of(2027, 2, 22)));

    @Test
    void withoutAnEnrolmentDateTheIntakeStartingNextAfterTodayIsChosen() {
        CourseLink link = linker.link(in(2, "PHYS101", ""), INTAKES);
        assertEquals(9012, link.courseDate().courseDateId());
        assertTrue(link.severalCandidates());
        assertEquals("Moodle Id 2: 9012, of 9011 (starts 2026-10-05), 9012 (starts 2027-02-22), 9013 (starts 2027-07-19)"
                + " the first to start on or after today (2026-12-01)", link.choice());
    }

    @Test
    void theEnrolmentsStartDecidesWhereTheSourceKnowsIt() {
        // starts 2027-03-01 in Sydney (2027-02-28 in UTC): the July intake, though the February one is nearer to today
        CourseLink link = linker.link(enrolment(2, "PHYS101", "", epoch("2026-09-01T10:00"), epoch("2027-03-01T08:00")), INTAKES);
        assertEquals(9013, link.courseDate().courseDateId());
        assertTrue(link.choice().endsWith("on or after the enrolment's start (2027-03-01)"), link.choice());
    }

    @Test
    void anEnrolmentStartingAtOnceCountsFromWhenItWasMade() {
        CourseLink link = linker.link(enrolment(2, "PHYS101", "", epoch("2026-09-20T09:00"), 0L), INTAKES);
        assertEquals(9011, link.courseDate().courseDateId(), "made before the October intake started");
        assertTrue(link.choice().endsWith("the day the enrolment was made (2026-09-20)"), link.choice());
    }

    @Test
    void aCourseDateStartingOnTheReferenceDayCounts() {
        CourseLink link = linker.link(enrolment(2, "PHYS101", "", null, epoch("2027-02-22T00:30")), INTAKES);
        assertEquals(9012, link.courseDate().courseDateId());
    }

    @Test
    void twoIntakesStartingOnTheNearestDayAreAmbiguousAndNamed() {
        CourseSalesMetadata m = metadata(starting(9011, null, 2, LocalDate.of(2027, 2, 22)),
                starting(9012, null, 2, LocalDate.of(2027, 2, 22)), starting(9013, null, 2, LocalDate.of(2027, 7, 19)));
        CourseLink link = linker.link(in(2, "PHYS101", ""), m);
        assertEquals(null, link.courseDate());
        assertEquals("AMBIGUOUS_COURSE_DATE", link.problems().get(0).code());
        assertEquals("3 Scheduled course dates carry Moodle Id 2 and 9011 (starts 2027-02-22), 9012 (starts 2027-02-22)"
                + " all start on 2027-02-22, the nearest on or after today (2026-12-01) (all: 9011 (starts 2027-02-22),"
                + " 9012 (starts 2027-02-22), 9013 (starts 2027-07-19))", link.problems().get(0).message());
    }

    @Test
    void intakesThatAllStartedBeforeAreAmbiguous() {
        CourseSalesMetadata m = metadata(starting(9011, null, 2, LocalDate.of(2026, 7, 1)),
                starting(9012, null, 2, LocalDate.of(2026, 10, 5)));
        CourseLink link = linker.link(in(2, "PHYS101", ""), m);
        assertEquals("AMBIGUOUS_COURSE_DATE", link.problems().get(0).code());
        assertEquals("2 Scheduled course dates carry Moodle Id 2 and none starts on or after today (2026-12-01):"
                + " 9011 (starts 2026-07-01), 9012 (starts 2026-10-05)", link.problems().get(0).message());
    }

    @Test
    void severalCourseDatesWithOneOfferCodeFollowTheSameRule() {
        CourseSalesMetadata m = metadata(starting(20, "CodeA", null, LocalDate.of(2027, 5, 1)),
                starting(21, "CodeA", null, LocalDate.of(2027, 1, 10)));
        CourseLink link = linker.link(in(3, "PHYS301", "CodeA"), m);
        assertEquals(21, link.courseDate().courseDateId());
        assertTrue(link.choice().startsWith("offer code 'CodeA': 21, of "), link.choice());
    }
}
