package io.github.mcsync.demo.moodle;

import static io.github.mcsync.demo.moodle.MoodleSimulatorPostTest.fieldNames;
import static io.github.mcsync.demo.moodle.MoodleSimulatorPostTest.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Changing the simulated site, as tests and the demo do. */
class MoodleSimulatorDataTest extends AbstractMoodleSimulatorTest {

    private static final long DAY = 86_400;
    private static final long PHYS101 = 2;

    @Test
    void anAddedAndEnrolledUserIsListedWithMoodlesFieldRules() {
        long id = moodle.addUser(SimulatedUser.builder("new.student").firstname("Ana").lastname("Nöel")
                .email("ana@example.com").phone2("+44 20 7946 0000").customField("studentid", "S2001").build());

        moodle.enrol(PHYS101, id, "student");

        JsonNode users = enrolledUsers(PHYS101);
        JsonNode ana = users.get(users.size() - 1);
        assertEquals(11, id);
        assertEquals(id, ana.path("id").asLong());
        assertEquals(List.of("id", "username", "firstname", "lastname", "fullname", "email", "phone2", "department",
                "firstaccess", "lastaccess", "lastcourseaccess", "profileimageurlsmall", "profileimageurl",
                "customfields", "roles", "enrolledcourses"), fieldNames(ana));
        assertEquals("Ana Nöel", ana.path("fullname").asText());
        assertEquals("", ana.path("department").asText());
        assertEquals("Student ID", ana.path("customfields").get(0).path("name").asText());
        assertEquals("student", ana.path("roles").get(0).path("shortname").asText());
        assertEquals("PHYS101", ana.path("enrolledcourses").get(0).path("shortname").asText());
    }

    @Test
    void onlyActiveFollowsStatusTimesAndTheClock() {
        long now = moodle.now();
        assertEquals(MoodleSimulator.REFERENCE_NOW, now);
        long starts = user("starts.later");
        long ends = user("ends.soon");
        long paused = user("paused");
        moodle.enrol(PHYS101, starts, "student", false, now + DAY, 0);
        moodle.enrol(PHYS101, ends, "student", false, 0, now + DAY);
        moodle.enrol(PHYS101, paused, "student");
        moodle.setEnrolmentSuspended(PHYS101, paused, true);

        assertEquals(List.of(3L, 4L, 5L, 8L, ends), ids(activeUsers(PHYS101)));

        moodle.setNow(now + 2 * DAY);
        moodle.setEnrolmentSuspended(PHYS101, paused, false);
        assertEquals(List.of(3L, 4L, 5L, 8L, starts, paused), ids(activeUsers(PHYS101)), "u6 starts at now+14d");

        moodle.setEnrolmentTimes(PHYS101, paused, 0, now + DAY);
        assertFalse(ids(activeUsers(PHYS101)).contains(paused));
    }

    @Test
    void enrolmentBoundariesFollowMoodlesQuery() {
        long now = moodle.now();
        long startsNow = user("starts.now");
        long endsNow = user("ends.now");
        moodle.enrol(PHYS101, startsNow, "student", false, now, 0);
        moodle.enrol(PHYS101, endsNow, "student", false, 0, now);

        // get_enrolled_join: timestart < now AND (timeend = 0 OR timeend > now)
        List<Long> active = ids(activeUsers(PHYS101));
        assertFalse(active.contains(startsNow));
        assertFalse(active.contains(endsNow));
    }

    @Test
    void reEnrolOverwritesStatusAndTimesAndAddsTheRole() {
        moodle.enrol(PHYS101, 7, "editingteacher");

        JsonNode sam = enrolledUsers(PHYS101).get(4);
        assertEquals(7, sam.path("id").asLong());
        assertTrue(ids(activeUsers(PHYS101)).contains(7L), "no longer suspended");
        assertEquals(List.of("editingteacher", "student"), sam.path("roles").findValuesAsText("shortname"));
    }

    @Test
    void unenrolRemovesTheUser() {
        assertTrue(moodle.unenrol(PHYS101, 3));
        assertFalse(moodle.unenrol(PHYS101, 3));

        assertEquals(List.of(4L, 5L, 6L, 7L, 8L, 9L), ids(enrolledUsers(PHYS101)));
        assertThrows(IllegalArgumentException.class, () -> moodle.setEnrolmentSuspended(PHYS101, 3, true));
    }

    @Test
    void addedCoursesAndCategoriesGetMoodlesDerivedFieldsAndEscaping() {
        long category = moodle.addCategory("Research & Development", "RND", 2);
        long course = moodle.addCourse("RND-1", "R&D — Physics & Co", "RND1", category, true);
        long newer = moodle.addCourse("RND-2", "Second", "", category, false);

        JsonNode categories = callJson("core_course_get_categories");
        JsonNode rnd = categories.get(3);
        assertEquals(category, rnd.path("id").asLong());
        assertEquals("Research &amp; Development", rnd.path("name").asText());
        assertEquals("/2/5", rnd.path("path").asText());
        assertEquals(2, rnd.path("depth").asInt());
        assertEquals(2, rnd.path("coursecount").asInt());
        assertEquals(40000, rnd.path("sortorder").asInt(), "pre-order: 1, 2, 4 (Physics), 5, 3");

        JsonNode courses = callJson("core_course_get_courses");
        JsonNode added = courses.get(5);
        assertEquals(course, added.path("id").asLong());
        assertEquals("R&amp;D — Physics &amp; Co", added.path("fullname").asText());
        assertEquals(40002, added.path("categorysortorder").asLong(), "newest course first in its category");
        assertEquals(40001, courses.get(6).path("categorysortorder").asLong());
        assertEquals(newer, courses.get(6).path("id").asLong());
        assertEquals(0, courses.get(6).path("visible").asInt());
        assertEquals(moodle.now(), added.path("timecreated").asLong());
    }

    @Test
    void formatStringEscapesLikeMoodle() {
        assertEquals("R&amp;D Lab &amp; &lt;3 &amp; &eacute;", MoodleJson.formatString("R&D <b>Lab</b> & <3 & &eacute;"));
    }

    @Test
    void setTokenReplacesTheAcceptedToken() {
        moodle.setToken("another-demo-token");

        assertEquals("invalidtoken", siteInfoWith(MoodleSimulator.DEMO_TOKEN).path("errorcode").asText());
        assertEquals("admin", siteInfoWith("another-demo-token").path("username").asText());
    }

    @Test
    void instancesAreIndependent() {
        try (MoodleSimulator other = new MoodleSimulator().start(0)) {
            other.addUser(SimulatedUser.builder("only.there").build());

            assertNotEquals(moodle.baseUrl(), other.baseUrl());
            assertEquals(11, moodle.addUser(SimulatedUser.builder("only.here").build()));
            assertTrue(other.requests().isEmpty());
            assertThrows(IllegalArgumentException.class, () -> other.enrol(2, 3, "student"), "fresh site: no course 2");
        }
    }

    @Test
    void concurrentRequestsAndChangesAreSafe() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> reads = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                reads.add(pool.submit(() -> enrolledUsers(PHYS101).size()));
            }
            for (int i = 0; i < 20; i++) {
                long id = user("concurrent." + i);
                moodle.enrol(PHYS101, id, "student");
            }
            for (Future<Integer> read : reads) {
                int size = read.get();
                assertTrue(size >= 7 && size <= 27, "size " + size);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(27, enrolledUsers(PHYS101).size());
        assertEquals(61, moodle.requestCount("core_enrol_get_enrolled_users"), "60 concurrent + 1 final");
    }

    private long user(String username) {
        return moodle.addUser(SimulatedUser.builder(username).firstname("F").lastname("L")
                .email(username + "@example.com").build());
    }

    private JsonNode siteInfoWith(String token) {
        return readJson(get(form("wstoken", token, "wsfunction", "core_webservice_get_site_info",
                "moodlewsrestformat", "json")).body());
    }

    private JsonNode enrolledUsers(long courseId) {
        return callJson("core_enrol_get_enrolled_users", "courseid", String.valueOf(courseId));
    }

    private JsonNode activeUsers(long courseId) {
        return callJson("core_enrol_get_enrolled_users", "courseid", String.valueOf(courseId),
                "options[0][name]", "onlyactive", "options[0][value]", "1");
    }
}
