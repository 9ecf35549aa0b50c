package io.github.mcsync.moodle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MoodleRequestsTest {
    @Test
    void enrolledUsersPageAsksOnlyActiveWithPaging() {
        MoodleRequests r = new MoodleRequests("t&k=1", 50, List.of());
        assertEquals("wstoken=t%26k%3D1&wsfunction=core_enrol_get_enrolled_users&moodlewsrestformat=json&courseid=2"
                        + "&options%5B0%5D%5Bname%5D=onlyactive&options%5B0%5D%5Bvalue%5D=1"
                        + "&options%5B1%5D%5Bname%5D=limitfrom&options%5B1%5D%5Bvalue%5D=100"
                        + "&options%5B2%5D%5Bname%5D=limitnumber&options%5B2%5D%5Bvalue%5D=50",
                r.enrolledUsersPage(2, 100));
    }

    @Test
    void configuredCoursesAreAskedById() {
        MoodleRequests r = new MoodleRequests("tok", 10, List.of(2L, 4L));
        assertEquals("wstoken=tok&wsfunction=core_course_get_courses&moodlewsrestformat=json"
                + "&options%5Bids%5D%5B0%5D=2&options%5Bids%5D%5B1%5D=4", r.courses());
    }

    @Test
    void pageSizeMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new MoodleRequests("tok", 0, List.of()));
    }
}
