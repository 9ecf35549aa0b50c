package io.github.mcsync.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Header;

/**
 * The ops console's files (src/main/resources/ops-console/), served under /ops/ by routes/ops-console.camel.yaml.
 * Only a plain file name of that folder with a known type is served ({@code /ops/console.js}); anything else,
 * a path with a folder or dots included, answers 404. {@code /ops} itself is redirected to {@code /ops/}, so the
 * page's relative links resolve under /ops/.
 */
public final class OpsConsole {
    static final String FOLDER = "ops-console/";
    private static final Pattern FILE = Pattern.compile("/ops/([a-z][a-z0-9-]*)\\.(html|css|js|svg)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml");
    private static final String PLAIN = "text/plain; charset=utf-8";

    private final Map<String, Asset> cache = new ConcurrentHashMap<>();

    /**
     * What to answer.
     *
     * @param status   200, 308 (to {@code location}) or 404
     * @param location where a redirect points, else null
     */
    public record Asset(int status, String contentType, byte[] body, String location) {
    }

    /** The answer to GET {@code path} (the request's path, e.g. /ops/ or /ops/console.js). */
    public Asset asset(@Header("CamelHttpPath") String path) {
        if ("/ops".equals(path)) {
            return new Asset(308, PLAIN, "moved to /ops/".getBytes(StandardCharsets.UTF_8), "/ops/");
        }
        String file = "/ops/".equals(path) ? "/ops/index.html" : path == null ? "" : path;
        Matcher m = FILE.matcher(file);
        if (!m.matches()) {
            return notFound();
        }
        String name = m.group(1) + "." + m.group(2);
        Asset a = cache.get(name);
        if (a == null) {
            a = load(name, TYPES.get(m.group(2)));
            if (a == null) {
                return notFound(); // not kept: the names asked for are the client's, the cache only holds our files
            }
            cache.put(name, a);
        }
        return a;
    }

    private static Asset load(String name, String contentType) {
        try (InputStream in = OpsConsole.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            return in == null ? null : new Asset(200, contentType, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the console file " + name, e);
        }
    }

    private static Asset notFound() {
        return new Asset(404, PLAIN, "not found".getBytes(StandardCharsets.UTF_8), null);
    }
}
