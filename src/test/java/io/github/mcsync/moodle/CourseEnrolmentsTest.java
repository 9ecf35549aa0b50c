package io.github.mcsync.moodle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mcsync.Fixtures;
import io.github.mcsync.enrolment.Enrolment;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CourseEnrolmentsTest {
    private static final MoodleCourse PHYS101 = new MoodleCourse(2, "PHYS101", "Introduction to Physics", "PHYS101-2026", 4, 1, "topics");

    private final List<CourseEnrolments> collectors = new ArrayList<>();

    /** A collector for PHYS101, its spool deleted after the test. */
    private CourseEnrolments collector(Set<String> roles) {
        CourseEnrolments c = new CourseEnrolments(PHYS101, roles);
        collectors.add(c);
        return c;
    }

    @AfterEach
    void deleteSpools() {
        collectors.forEach(CourseEnrolments::close);
    }

    private static List<MoodleUser> fixtureUsers() throws Exception {
        return new ObjectMapper().readValue(Fixtures.moodle("core_enrol_get_enrolled_users__phys101_onlyactive.json"),
                new TypeReference<List<MoodleUser>>() { });
    }

    @Test
    void keepsStudentsOnlyAndMapsEveryField() throws Exception {
        CourseEnrolments c = collector(Set.of("student"));
        c.addPage(fixtureUsers());
        assertTrue(c.morePages(), "a short page does not end paging: only an empty one does");
        c.addPage(List.of());
        assertTrue(c.suspendedList(), "then the onlysuspended list");
        assertEquals(0, c.nextFrom());
        c.addPage(List.of());
        assertFalse(c.morePages());
        List<Enrolment> es = List.copyOf(c.enrolments(user -> 1));
        assertEquals(List.of(3L, 4L, 5L), es.stream().map(Enrolment::userId).toList(), "teacher 8 is left out");
        Enrolment zoe = es.get(0);
        assertEquals("Zoë", zoe.firstName());
        assertEquals("Łukasz-O'Brien", zoe.lastName());
        assertEquals("+48 22 123 45 67", zoe.phone1());
        assertEquals(null, zoe.phone2());
        assertEquals("S1001", zoe.customFields().get("studentid"));
        assertEquals("moodle:c2:u3", zoe.sourceReference());
        assertEquals(4, zoe.categoryId());
        assertEquals("PHYS101-2026", zoe.courseIdnumber());
    }

    @Test
    void teachersCountWhenConfigured() throws Exception {
        CourseEnrolments c = collector(Set.of("student", "editingteacher"));
        c.addPage(fixtureUsers());
        assertEquals(4, c.enrolments(user -> 1).size());
    }

    @Test
    void repeatsAreTakenOnceAndAPageOfRepeatsOnlyEndsTheList() throws Exception {
        List<MoodleUser> users = fixtureUsers();
        CourseEnrolments c = collector(Set.of("student"));
        c.addPage(users.subList(0, 2));
        assertTrue(c.morePages());
        assertEquals(2, c.nextFrom());
        c.addPage(users.subList(1, 3)); // the list shifted: user 4 again
        assertEquals(1, c.duplicates());
        assertFalse(c.suspendedList());
        c.addPage(users.subList(1, 3)); // nothing new: a Moodle that ignores limitfrom must not loop forever
        assertTrue(c.suspendedList());
        assertEquals(List.of(3L, 4L, 5L), c.enrolments(user -> 1).stream().map(Enrolment::userId).toList());
        assertEquals("moodle:c2:u4:g2", List.copyOf(c.enrolments(user -> user == 4 ? 2 : 1)).get(1).sourceReference());
    }

    @Test
    void watchListSkipsSiteAndHiddenCoursesUnlessConfigured() throws Exception {
        List<MoodleCourse> courses = new ObjectMapper().readValue(Fixtures.moodle("core_course_get_courses__all.json"),
                new TypeReference<List<MoodleCourse>>() { });
        assertEquals(List.of(4L, 2L, 3L), new CourseWatchList(List.of()).select(courses).stream().map(MoodleCourse::id).toList());
        assertEquals(List.of(5L, 2L), new CourseWatchList(List.of(2L, 5L, 1L)).select(courses).stream().map(MoodleCourse::id).toList());
        assertEquals(List.of(2L, 3L), CourseWatchList.parse(" 2, 3 ,"));
    }
}
