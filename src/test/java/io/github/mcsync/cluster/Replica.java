package io.github.mcsync.cluster;

import io.github.mcsync.FreePorts;
import io.github.mcsync.SyncHarness;
import io.github.mcsync.observe.Observe;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One instance of the product as its own JVM ({@code java -cp <test class path> io.github.mcsync.SyncMain}, the
 * scheduled feed), as a replica runs in production; its log is kept under target/ for diagnosis.
 */
final class Replica implements AutoCloseable {
    final String name;
    final Process process;
    final Observe observe;
    final Path log;

    private Replica(String name, Process process, Observe observe, Path log) {
        this.name = name;
        this.process = process;
        this.observe = observe;
        this.log = log;
    }

    static Replica start(String name, Map<String, String> properties) throws IOException {
        int management = FreePorts.next();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", classPath()));
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-Dops.port=" + FreePorts.next());
        cmd.add("-Dcamel.management.port=" + management);
        cmd.add("io.github.mcsync.SyncMain");
        Path log = Path.of("target", "replica-" + name + "-" + System.nanoTime() + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new Replica(name, p, new Observe("http://127.0.0.1:" + management), log);
    }

    /** mcsync_leader from /observe/metrics; null while the process does not answer. */
    Double leader() {
        Observe.Answer a = observe.tryGet("/observe/metrics");
        return a.status() == 200 ? Observe.sample(a.body(), "mcsync_leader") : null;
    }

    /** SIGKILL: no shutdown hook, no lock released by the application. */
    void killNine() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                killNine();
            }
        }
    }

    @Override
    public String toString() {
        return name + " (log " + log + ")";
    }

    /** The test class path without empty entries (an empty one is the working directory, whose routes/ would load twice). */
    static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.isBlank()).collect(Collectors.joining(File.pathSeparator));
    }

    /** The harness's demo configuration (mapping, login) for a replica's -D options. */
    static Map<String, String> demoMapping() {
        return SyncHarness.DEMO_MAPPING;
    }
}
