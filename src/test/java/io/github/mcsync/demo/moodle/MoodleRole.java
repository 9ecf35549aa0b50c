package io.github.mcsync.demo.moodle;

import java.util.Arrays;

/** Moodle's standard roles with their ids from a fresh install (mdl_role). */
public enum MoodleRole {
    MANAGER(1, "manager"),
    COURSECREATOR(2, "coursecreator"),
    EDITINGTEACHER(3, "editingteacher"),
    TEACHER(4, "teacher"),
    STUDENT(5, "student"),
    GUEST(6, "guest"),
    USER(7, "user"),
    FRONTPAGE(8, "frontpage");

    private final int id;
    private final String shortname;

    MoodleRole(int id, String shortname) {
        this.id = id;
        this.shortname = shortname;
    }

    public int id() {
        return id;
    }

    public String shortname() {
        return shortname;
    }

    public static MoodleRole byShortname(String shortname) {
        return Arrays.stream(values()).filter(r -> r.shortname.equals(shortname)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown Moodle role: " + shortname));
    }
}
