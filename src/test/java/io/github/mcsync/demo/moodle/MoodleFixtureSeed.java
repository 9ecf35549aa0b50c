package io.github.mcsync.demo.moodle;

import static io.github.mcsync.demo.moodle.MoodleRole.EDITINGTEACHER;
import static io.github.mcsync.demo.moodle.MoodleRole.STUDENT;
import static io.github.mcsync.demo.moodle.MoodleSimulator.REFERENCE_NOW;

/**
 * The site the fixtures were captured from (fixtures/moodle/NOTES.txt, "Data IDs" and "Enrolment state at
 * capture time", user fields from mdl_user.csv). Ids come out as captured because rows are added in id order.
 */
final class MoodleFixtureSeed {

    private static final long DAY = 86_400;
    private static final long INSTALLED = 1795431430L;
    private static final long CATEGORIES_CREATED = 1795431476L;
    private static final long COURSES_CREATED = 1795431477L;
    private static final long START_2026_09 = 1788220800L;

    private MoodleFixtureSeed() {
    }

    /** What the Moodle installer creates: users guest (1) and admin (2), "Category 1", front page course 1. */
    static void install(MoodleSiteData site) {
        site.addUser(SimulatedUser.builder("guest").firstname("Guest user").lastname(" ")
                .email("root@localhost").build());
        site.addUser(SimulatedUser.builder("admin").firstname("Admin").lastname("User")
                .email("admin@example.com").build());
        site.addCategory(new SimulatedCategory("Category 1", null, null, 0, INSTALLED));
        site.addCourse(SimulatedCourse.builder("peer", "Moodle Peer Test Site", 0).format(SimulatedCourse.SITE_FORMAT)
                .summary("Local peer for integration tests").timecreated(INSTALLED).timemodified(1795431465L).build());
    }

    /** Everything the capture script added on top of {@link #install}. */
    static void populate(MoodleSiteData site) {
        addCategories(site);
        addCourses(site);
        addUsers(site);
        enrol(site);
    }

    private static void addCategories(MoodleSiteData site) {
        site.addCategory(new SimulatedCategory("Faculty of Science", "FAC-SCI", "<p>All science programmes</p>", 0,
                CATEGORIES_CREATED));                                                                       // 2
        site.addCategory(new SimulatedCategory("Languages & Humanities", "FAC-HUM", "", 0, CATEGORIES_CREATED)); // 3
        site.addCategory(new SimulatedCategory("Physics", "FAC-SCI-PHYS", "", 2, CATEGORIES_CREATED));           // 4
    }

    private static void addCourses(MoodleSiteData site) {
        site.addCourse(course("PHYS101", "Introduction to Physics", 4).idnumber("PHYS101-2026")
                .summary("<p>First-year physics.</p>").enddate(1801353600L).build());                      // 2
        site.addCourse(course("PHYS301", "Quantum Mechanics — Advanced", 4).idnumber("CODEB; CodeA")
                .enddate(1814313600L).build());                                                            // 3
        site.addCourse(course("FR-101", "Français pour débutants", 3).idnumber("FR101")
                .summary("<p>Cours de français — niveau A1.</p>").startdate(1790812800L).lang("en")
                .timemodified(1795431518L).build());                                                       // 4
        site.addCourse(course("SCI-LAB", "Science Lab (hidden)", 2).visible(false).build());               // 5
        // Moodle reads mdl_course unordered; PostgreSQL returned this (heap) order after the updates.
        site.reorderCourseListing(5, 4, 1, 2, 3);
    }

    private static SimulatedCourse.Builder course(String shortname, String fullname, long categoryId) {
        return SimulatedCourse.builder(shortname, fullname, categoryId).startdate(START_2026_09)
                .timecreated(COURSES_CREATED).timemodified(COURSES_CREATED);
    }

    private static void addUsers(MoodleSiteData site) {
        site.defineProfileField("studentid", "Student ID");
        site.addUser(SimulatedUser.builder("zoe.lukasz").idnumber("S-1001").firstname("Zoë").lastname("Łukasz-O'Brien")
                .email("zoe.lukasz@example.com").phone1("+48 22 123 45 67").city("Kraków").country("PL")
                .customField("studentid", "S1001").build());                                                // 3
        site.addUser(SimulatedUser.builder("maximilian.alexander.von.longusername." + "x".repeat(62))
                .idnumber("S-1002").firstname("Maximilian").lastname("Longusername")
                .email("max.long@example.com").build());                                                   // 4
        site.addUser(SimulatedUser.builder("jdoe").idnumber("S-1003").firstname("John").lastname("Doe")
                .email("john.doe@example.com").phone1("+1 555 0100").phone2("+1 555 0199")
                .institution("Example University").department("Physics").customField("studentid", "S1003")
                .build());                                                                                 // 5
        site.addUser(SimulatedUser.builder("li.xiaolong").idnumber("S-1004").firstname("小龍").lastname("李")
                .email("li.xiaolong@example.cn").phone2("+86 138 0000 0000").country("CN").build());       // 6
        site.addUser(SimulatedUser.builder("sam.suspended").idnumber("S-1005").firstname("Sam")
                .lastname("Suspended-Enrolment").email("sam.suspended@example.com").build());              // 7
        site.addUser(SimulatedUser.builder("teacher.one").idnumber("T-2001").firstname("Ada").lastname("Lovelace")
                .email("ada.lovelace@example.com").build());                                               // 8
        site.addUser(SimulatedUser.builder("renee.dupont").firstname("Renée").lastname("Dupont-Lefèvre")
                .email("renee+moodle@example.fr").phone1("01 23 45 67 89").phone2("06 12 34 56 78").build()); // 9
        site.addUser(SimulatedUser.builder("sean.oconchuir").idnumber("S-1008").firstname("Seán").lastname("Ó Conchúir")
                .email("Sean.OConchuir@Example.COM").build());                                             // 10
    }

    /** In capture order, so user_enrolments ids match mdl_user_enrolments.csv (1-7, 9-16). */
    private static void enrol(MoodleSiteData site) {
        long now = REFERENCE_NOW;
        // course 2 PHYS101
        site.enrol(2, 3, STUDENT, false, 0, 0);
        site.enrol(2, 4, STUDENT, false, now - 30 * DAY, now + 180 * DAY);
        site.enrol(2, 5, STUDENT, false, now - 60 * DAY, 0);
        site.enrol(2, 6, STUDENT, false, now + 14 * DAY, 0);               // not yet started
        site.enrol(2, 7, STUDENT, true, 0, 0);                             // suspended
        site.enrol(2, 8, EDITINGTEACHER, false, 0, 0);
        site.enrol(2, 9, STUDENT, false, now - 120 * DAY, now - DAY);      // expired
        site.enrol(2, 10, STUDENT, false, 0, 0);                           // id 8, then unenrolled
        site.unenrol(2, 10);
        // course 3 PHYS301
        site.enrol(3, 3, STUDENT, false, 0, 0);
        site.enrol(3, 5, STUDENT, false, now - 200 * DAY, now - 10 * DAY); // expired
        site.enrol(3, 8, EDITINGTEACHER, false, 0, 0);
        site.enrol(3, 7, STUDENT, false, 0, 0);
        // course 4 FR-101
        site.enrol(4, 6, STUDENT, false, 0, 0);
        site.enrol(4, 3, STUDENT, false, 0, 0);
        site.enrol(4, 9, STUDENT, true, 0, now + 90 * DAY);                // suspended
        site.enrol(4, 10, STUDENT, false, now - 5 * DAY, 0);
    }
}
