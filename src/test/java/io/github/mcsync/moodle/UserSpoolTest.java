package io.github.mcsync.moodle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A course's users wait in a temporary file while the course is read: every value reads back exactly. */
class UserSpoolTest {
    private static final String HOSTILE = "<x a=\"1\">&amp;</x> 'quoted' \"double\" '; DROP TABLE mdl_user; --"
            + " emoji \uD83C\uDF93 lone \uD800 surrogate, right-to-left \u05E9\u05DC\u05D5\u05DD \u202E, bell \u0007,"
            + " nul \u0000, new\nline, tab\t, ÿ and é, " + "x".repeat(300);

    private static MoodleUser user(long id, String value) {
        return new MoodleUser(id, "u" + id, value, "Last", "u" + id + "@example.org", null, null, null, null, null,
                null, null, List.of(new MoodleUser.CustomField("usi", value)), List.of(new MoodleUser.Role(5, "student")));
    }

    private static List<MoodleUser> all(Iterator<MoodleUser> it) {
        List<MoodleUser> users = new ArrayList<>();
        it.forEachRemaining(users::add);
        return users;
    }

    private static Set<Path> spoolFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("mcsync-course-")).collect(Collectors.toSet());
        }
    }

    @Test
    void everyValueReadsBackExactlyInItsOrderAsOftenAsAsked() {
        try (UserSpool spool = new UserSpool()) {
            List<MoodleUser> written = List.of(user(3, HOSTILE), user(4, "plain"), user(5, ""), user(6, null));
            written.forEach(spool::add);

            assertEquals(written, all(spool.users()));
            assertEquals(written, all(spool.users()), "a second pass reads the same");
            assertEquals(4, spool.size());
        }
    }

    @Test
    void whatIsAddedAfterAReadBeganIsNotInThatRead() {
        try (UserSpool spool = new UserSpool()) {
            spool.add(user(3, "a"));
            Iterator<MoodleUser> first = spool.users();
            spool.add(user(4, "b"));
            assertEquals(List.of(user(3, "a")), all(first));
            assertEquals(2, all(spool.users()).size());
        }
    }

    @Test
    void closingDeletesTheFileAndEndsTheReads() throws IOException {
        Set<Path> before = spoolFiles();
        UserSpool spool = new UserSpool();
        spool.add(user(3, "a"));
        Set<Path> during = spoolFiles();
        during.removeAll(before);
        assertEquals(1, during.size(), "one file while the course is read");
        all(spool.users()); // a read flushes what was written
        List<String> lines = Files.readAllLines(during.iterator().next());
        assertEquals(1, lines.size(), "one JSON document a line");
        assertTrue(lines.get(0).contains("\"username\":\"u3\""), lines.get(0));

        spool.close();

        assertFalse(Files.exists(during.iterator().next()), "deleted");
        assertThrows(IllegalStateException.class, spool::users);
        spool.close(); // twice is harmless
    }
}
