package io.github.mcsync.demo.coursesales;

import java.time.LocalDate;

/**
 * The demo licence, consistent with the Moodle demo/fixture data: Moodle course 2 PHYS101 and 3 PHYS301
 * (category 4 "Physics"), 4 FR-101 (category 3 "Languages &amp; Humanities"), 5 hidden (not offered).
 */
public final class CourseSalesDemoData {

    public static final String USERNAME = "moodle-sync";
    public static final String PASSWORD = "demo-password";

    public static final int REGISTRATION_FORM_ID = 12;
    public static final int FIELD_FIRST_NAME = 101;
    public static final int FIELD_LAST_NAME = 102;
    public static final int FIELD_EMAIL = 103;
    public static final int FIELD_PHONE = 104;
    public static final int FIELD_MOBILE = 105;
    public static final int FIELD_MOODLE_ID = 106;
    public static final int FIELD_CLIENT_ID = 107;
    public static final int FIELD_USI = 108;
    /** Optional fields nothing maps by default (README, "Configure the mapping": coursesales.fields.110 = city). */
    public static final int FIELD_CITY = 110;
    public static final int FIELD_STUDENT_ID = 111;
    public static final String CLIENT_ID_EXPORT_ID = "AVETMISS 7.0 Client Identifier";

    public static final int CONTACT_FORM_ID = 20;
    public static final int CONTACT_FIELD_FIRST_NAME = 201;
    public static final int CONTACT_FIELD_LAST_NAME = 202;
    public static final int CONTACT_FIELD_EMAIL = 203;

    public static final int PROCESS_ID = 7;
    public static final int STEP_RECEIVED = 701;
    public static final int STEP_CONFIRMED = 702;
    public static final int STEP_COMPLETED = 703;
    public static final int PATH_STANDARD = 751;
    public static final int PATH_MANUAL_REVIEW = 752;

    public static final String COURSE_CATEGORY = "Course Category";
    public static final String COURSE_LOCATION = "Course Location";
    public static final int CATEGORY_PHYSICS = 501;
    public static final int CATEGORY_LANGUAGES = 502;
    public static final int CATEGORY_ARCHIVED = 503;
    public static final int LOCATION_CAMPUS = 601;

    public static final int MASTER_PHYS101 = 301;
    public static final int MASTER_PHYS301 = 302;
    public static final int MASTER_FR101 = 303;
    public static final int COURSE_DATE_PHYS101 = 9001;
    public static final int COURSE_DATE_PHYS301 = 9002;
    public static final int COURSE_DATE_FR101 = 9003;
    public static final int COURSE_DATE_CANCELLED = 9004;
    public static final int COURSE_DATE_DRAFT = 9005;

    public static final int MOODLE_COURSE_PHYS101 = 2;
    public static final int MOODLE_COURSE_PHYS301 = 3;
    public static final int MOODLE_COURSE_FR101 = 4;
    public static final int MOODLE_CATEGORY_PHYSICS = 4;
    public static final int MOODLE_CATEGORY_LANGUAGES = 3;

    private CourseSalesDemoData() {
    }

    /** Seeds the demo licence into a simulator (any time; existing entries with the same ids are replaced). */
    public static void seed(CourseSalesSimulator sim) {
        sim.setCredentials(USERNAME, PASSWORD);

        sim.addForm(REGISTRATION_FORM_ID, "Moodle registration", "Documents", "Active", true);
        sim.addField(REGISTRATION_FORM_ID, FIELD_FIRST_NAME, "First name", "Text", true);
        sim.addField(REGISTRATION_FORM_ID, FIELD_LAST_NAME, "Last name", "Text", true);
        sim.addField(REGISTRATION_FORM_ID, FIELD_EMAIL, "Email", "Email", true);
        sim.addField(REGISTRATION_FORM_ID, FIELD_PHONE, "Phone", "Phone", false);
        sim.addField(REGISTRATION_FORM_ID, FIELD_MOBILE, "Mobile", "Phone", false);
        sim.addField(REGISTRATION_FORM_ID, FIELD_MOODLE_ID, "Moodle Id", "Text", false);
        sim.addField(REGISTRATION_FORM_ID, FIELD_CLIENT_ID, "Client Identifier", "Text", false, CLIENT_ID_EXPORT_ID);
        sim.addField(REGISTRATION_FORM_ID, FIELD_USI, "USI", "Text", false);
        sim.addField(REGISTRATION_FORM_ID, FIELD_CITY, "City", "Text", false);
        sim.addField(REGISTRATION_FORM_ID, FIELD_STUDENT_ID, "Student ID", "Text", false);

        sim.addForm(CONTACT_FORM_ID, "Contact", "Contacts", "Active", true);
        sim.addField(CONTACT_FORM_ID, CONTACT_FIELD_FIRST_NAME, "First name", "Text", true);
        sim.addField(CONTACT_FORM_ID, CONTACT_FIELD_LAST_NAME, "Last name", "Text", true);
        sim.addField(CONTACT_FORM_ID, CONTACT_FIELD_EMAIL, "Email", "Email", true);
        sim.setContactFormId(CONTACT_FORM_ID);

        sim.addProcess(PROCESS_ID, "Moodle enrolment", "Active");
        sim.addProcessStep(PROCESS_ID, STEP_RECEIVED, "Registration received", "Active");
        sim.addProcessStep(PROCESS_ID, STEP_CONFIRMED, "Enrolment confirmed", "Active");
        sim.addProcessStep(PROCESS_ID, STEP_COMPLETED, "Course completed", "Active");
        sim.addProcessPath(PROCESS_ID, PATH_STANDARD, "Standard", "Active");
        sim.addProcessPath(PROCESS_ID, PATH_MANUAL_REVIEW, "Manual review", "Active");

        sim.addOption(CATEGORY_PHYSICS, COURSE_CATEGORY, "Science — Physics", "Active",
                MOODLE_CATEGORY_PHYSICS, REGISTRATION_FORM_ID);
        sim.addOption(CATEGORY_LANGUAGES, COURSE_CATEGORY, "Languages", "Active",
                MOODLE_CATEGORY_LANGUAGES, REGISTRATION_FORM_ID);
        sim.addOption(CATEGORY_ARCHIVED, COURSE_CATEGORY, "Archived", "Inactive", 2, null);
        sim.addOption(LOCATION_CAMPUS, COURSE_LOCATION, "Main campus", "Active", null, null);

        sim.addCourseDate(COURSE_DATE_PHYS101, MASTER_PHYS101, "Introduction to Physics — Semester 1 2027",
                "PHYS101-2026", LocalDate.of(2027, 2, 22), LocalDate.of(2027, 6, 18), "Scheduled", true,
                CATEGORY_PHYSICS, MOODLE_COURSE_PHYS101);
        sim.addCourseDate(COURSE_DATE_PHYS301, MASTER_PHYS301, "Quantum Mechanics — Advanced — Semester 1 2027",
                "CodeA", LocalDate.of(2027, 2, 22), LocalDate.of(2027, 6, 18), "Scheduled", true,
                CATEGORY_PHYSICS, null);
        sim.addCourseDate(COURSE_DATE_FR101, MASTER_FR101, "Français pour débutants — Term 1 2027",
                "FR101", LocalDate.of(2027, 3, 1), LocalDate.of(2027, 5, 28), "Scheduled", true,
                CATEGORY_LANGUAGES, MOODLE_COURSE_FR101);
        sim.addCourseDate(COURSE_DATE_CANCELLED, MASTER_PHYS101, "Introduction to Physics — Summer School 2026",
                "PHYS101-SS", LocalDate.of(2026, 12, 7), LocalDate.of(2027, 1, 29), "Cancelled", true,
                CATEGORY_PHYSICS, MOODLE_COURSE_PHYS101);
        sim.addCourseDate(COURSE_DATE_DRAFT, MASTER_FR101, "Français pour débutants — Term 3 2027",
                "FR101-T3", LocalDate.of(2027, 7, 12), LocalDate.of(2027, 9, 24), "Draft", true,
                CATEGORY_LANGUAGES, MOODLE_COURSE_FR101);
        for (int master : new int[] {MASTER_PHYS101, MASTER_PHYS301, MASTER_FR101}) {
            sim.setCourseMasterStatus(master, "Active");
        }
    }
}
