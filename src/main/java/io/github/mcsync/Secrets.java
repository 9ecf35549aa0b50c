package io.github.mcsync;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The secrets this process knows (Moodle token, CourseSales password, ops password, database passwords).
 * Every text that leaves the process through a log line we write, a dead letter, an API answer or an
 * exception message we raise passes through {@link #redact(String)}.
 */
public final class Secrets {
    private static final Set<String> VALUES = new CopyOnWriteArraySet<>();
    public static final String MASK = "****";

    private Secrets() {
    }

    /** Registers a secret with the forms it takes in XML, URLs and HTTP Basic headers. */
    public static void register(String secret) {
        if (secret != null && secret.length() >= 4) {
            VALUES.add(secret);
            VALUES.add(secret.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                    .replace("\"", "&quot;").replace("'", "&apos;"));
            VALUES.add(java.net.URLEncoder.encode(secret, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : VALUES) {
            out = out.replace(s, MASK);
        }
        return out;
    }
}
