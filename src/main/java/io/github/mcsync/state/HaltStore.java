package io.github.mcsync.state;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps a halt per system (moodle, coursesales) in the state database, each with a fingerprint of that system's
 * endpoint and credentials when it refused. A restart with the same ones keeps the halt; changing them (and only
 * them) lifts it. The fingerprint is a salted slow hash (PBKDF2-HMAC-SHA256 with a random salt per row, stored
 * beside it), so the state database gives no cheap way to test guesses of a password or token. Cosmetic changes of
 * the URL (a trailing slash, the case of scheme and host, a default port) are not changes.
 * <p>
 * Rows written by older versions (a single halt with an unsalted SHA-256, migrations V3/V4) are read once: kept
 * and rewritten salted when they match the configuration as it is, dropped otherwise.
 */
public final class HaltStore {
    public static final String COURSESALES = "coursesales";
    public static final String MOODLE = "moodle";
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int ITERATIONS = 210_000;
    private static final int MAX_REASON = 2000;
    private static final Pattern MOODLE_CODE = Pattern.compile("MOODLE_[A-Z0-9_]+");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final DataSource ds;
    private final Clock clock;
    private final Map<String, Login> logins;
    /** Whether a stored fingerprint (system, fingerprint, salt) matches the configuration: computed once per row. */
    private final Map<String, Boolean> verified = new ConcurrentHashMap<>();

    /** What a system's halt is fingerprinted with: its endpoint URL and credentials (username, password or token). */
    public record Login(String url, List<String> credentials) {
        public Login {
            credentials = List.copyOf(credentials);
        }
    }

    /** A halt kept under the current configuration. */
    public record Kept(String system, String code, String reason, Instant since) {
    }

    /** @param logins by system ({@link #COURSESALES}, {@link #MOODLE}) */
    public HaltStore(DataSource ds, Clock clock, Map<String, Login> logins) {
        this.jdbc = new JdbcTemplate(ds);
        this.ds = ds;
        this.clock = clock;
        this.logins = Map.copyOf(logins);
    }

    /** The halts recorded under the current configuration; a halt recorded under another one is dropped. */
    public List<Kept> current() {
        List<Kept> kept = new ArrayList<>();
        for (Row r : rows()) {
            Login login = logins.get(r.system);
            if (login == null || !matches(r, login)) {
                clear(r.system);
                continue;
            }
            String code = r.code != null ? r.code : legacyCode(r.system, r.reason);
            if (r.salt == null) { // an unsalted fingerprint of V3/V4: rewritten salted at once
                write(r.system, code, r.reason, r.since);
            }
            kept.add(new Kept(r.system, code, r.reason, r.since));
        }
        return kept;
    }

    /**
     * The halts in the database now that match the current configuration, read only: a row fingerprinted under
     * another configuration (another instance of another version, mid-rollout) is left alone, not dropped. Each
     * row's fingerprint is checked once (a slow hash), so reading this every second costs one small query.
     */
    public List<Kept> shared() {
        List<Kept> kept = new ArrayList<>();
        for (Row r : rows()) {
            Login login = logins.get(r.system);
            if (login != null && verified.computeIfAbsent(r.system + "\u0000" + r.fingerprint + "\u0000" + r.salt,
                    k -> matches(r, login))) {
                kept.add(new Kept(r.system, r.code != null ? r.code : legacyCode(r.system, r.reason), r.reason, r.since));
            }
        }
        return kept;
    }

    private List<Row> rows() {
        return jdbc.query("SELECT system_name, reason_code, reason, fingerprint, fingerprint_salt, halted_at"
                + " FROM system_halt", (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()));
    }

    /** The table is there to be read: false while the state database has not answered since the start. */
    public boolean readable() {
        return !(ds instanceof StateDataSource s) || s.isMigrated();
    }

    public void save(String system, String code, String reason) {
        write(system, code, reason, clock.instant());
    }

    public void clear(String system) {
        jdbc.update("DELETE FROM system_halt WHERE system_name = ?", system);
    }

    private void write(String system, String code, String reason, Instant since) {
        Login login = logins.get(system);
        if (login == null) {
            throw new IllegalArgumentException("no login of system " + system);
        }
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        String fingerprint = SCHEME + ":" + ITERATIONS + ":"
                + Base64.getEncoder().encodeToString(pbkdf2(login, salt, ITERATIONS));
        String saltText = Base64.getEncoder().encodeToString(salt);
        clear(system);
        jdbc.update("INSERT INTO system_halt (system_name, reason_code, reason, fingerprint, fingerprint_salt, halted_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", system, code,
                reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason, fingerprint, saltText,
                Timestamp.from(since));
        verified.put(system + "\u0000" + fingerprint + "\u0000" + saltText, true);
    }

    private boolean matches(Row r, Login login) {
        if (r.salt != null) {
            String[] parts = r.fingerprint.split(":");
            if (parts.length != 3 || !SCHEME.equals(parts[0])) {
                return false;
            }
            byte[] expected = Base64.getDecoder().decode(parts[2]);
            return MessageDigest.isEqual(expected, pbkdf2(login, Base64.getDecoder().decode(r.salt),
                    Integer.parseInt(parts[1])));
        }
        // V4: "coursesales:<sha256>" / "moodle:<sha256>" of url and credentials; V3: one sha256 of both systems'
        String stored = r.fingerprint.contains(":") ? r.fingerprint.substring(r.fingerprint.indexOf(':') + 1) : r.fingerprint;
        for (boolean canonical : new boolean[] {false, true}) {
            if (stored.equals(sha256(values(login, canonical)))) {
                return true;
            }
            Login cs = logins.get(COURSESALES);
            Login moodle = logins.get(MOODLE);
            if (cs != null && moodle != null) {
                List<String> both = new ArrayList<>(values(cs, canonical));
                both.addAll(values(moodle, canonical));
                if (stored.equals(sha256(both))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A halt kept from V3/V4 has no code column: CourseSales reasons start with it, Moodle ones name it. */
    private static String legacyCode(String system, String reason) {
        if (MOODLE.equals(system)) {
            Matcher m = MOODLE_CODE.matcher(reason);
            return m.find() ? m.group() : "MOODLE_REFUSED";
        }
        int colon = reason.indexOf(':');
        return colon > 0 ? reason.substring(0, colon) : reason;
    }

    private static List<String> values(Login login, boolean canonical) {
        List<String> v = new ArrayList<>();
        v.add(canonical ? canonicalUrl(login.url()) : login.url());
        v.addAll(login.credentials());
        return v;
    }

    private static byte[] pbkdf2(Login login, byte[] salt, int iterations) {
        char[] input = String.join("\u0000", values(login, true)).toCharArray();
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(input, salt, iterations, 256)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        }
    }

    private static String sha256(List<String> configuration) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String value : configuration) {
                sha.update((value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The URL without cosmetic differences: scheme and host in lower case, no default port (80 for http, 443 for
     * https), no trailing slash. The path's case is kept (it may matter to the server).
     */
    public static String canonicalUrl(String url) {
        if (url == null) {
            return "";
        }
        String u = url.strip();
        try {
            URI uri = new URI(u);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return stripSlashes(u);
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == 80 && "http".equals(scheme) || port == 443 && "https".equals(scheme);
            String path = uri.getRawPath() == null ? "" : stripSlashes(uri.getRawPath());
            return scheme + "://" + (uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@")
                    + uri.getHost().toLowerCase(Locale.ROOT) + (port == -1 || defaultPort ? "" : ":" + port) + path
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (URISyntaxException e) {
            return stripSlashes(u);
        }
    }

    private static String stripSlashes(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '/') {
            end--;
        }
        return s.substring(0, end);
    }

    private record Row(String system, String code, String reason, String fingerprint, String salt, Instant since) {
    }
}
