package io.github.mcsync.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps a systemic halt in the state database, with a fingerprint of the refusing system's endpoint and
 * credentials. A restart with the same ones stays halted; changing them (and only them) resumes.
 */
public final class HaltStore {
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String courseSalesFingerprint;
    private final String moodleFingerprint;

    /**
     * @param courseSales the CourseSales endpoint and login; a halt by CourseSales lifts when one of them changes
     * @param moodle      the Moodle endpoint and token; a halt by Moodle lifts when one of them changes
     */
    public HaltStore(DataSource ds, Clock clock, List<String> courseSales, List<String> moodle) {
        this.jdbc = new JdbcTemplate(ds);
        this.clock = clock;
        this.courseSalesFingerprint = "coursesales:" + fingerprint(courseSales);
        this.moodleFingerprint = "moodle:" + fingerprint(moodle);
    }

    /** The halt recorded under the current configuration, if any; a halt recorded under another one is dropped. */
    public Optional<String> current() {
        List<String[]> rows = jdbc.query("SELECT reason, credential_fingerprint FROM feed_halt WHERE id = 1",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)});
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        String stored = rows.get(0)[1];
        if (!stored.equals(courseSalesFingerprint) && !stored.equals(moodleFingerprint)) {
            clear();
            return Optional.empty();
        }
        return Optional.of(rows.get(0)[0]);
    }

    /** @param byMoodle whether Moodle (token, access) or CourseSales (login) refused */
    public void save(String reason, boolean byMoodle) {
        clear();
        jdbc.update("INSERT INTO feed_halt (id, reason, credential_fingerprint, halted_at) VALUES (1, ?, ?, ?)",
                reason.length() > 2000 ? reason.substring(0, 2000) : reason,
                byMoodle ? moodleFingerprint : courseSalesFingerprint, Timestamp.from(clock.instant()));
    }

    public void clear() {
        jdbc.update("DELETE FROM feed_halt WHERE id = 1");
    }

    static String fingerprint(List<String> configuration) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String value : configuration) {
                sha.update((value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
