package io.github.mcsync.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bundle in its own JVM: {@code java [options] -Dkey=value ... -jar target/moodle-coursesales-sync.jar ARGS} (the
 * real jar with its packaged routes), its output kept in a log file and watched for the moment Camel is ready and
 * for each poll's summary line, its peak RSS (VmHWM of /proc/PID/status, sampled) and its heap (from the JVM's own
 * GC log: the most used before a collection, the most left after one), and the CPU time it used from ready to its
 * last poll summary (utime + stime of /proc/PID/stat, read as those lines arrive).
 */
final class BundleProcess implements AutoCloseable {
    static final Path JAR = Path.of("target", "moodle-coursesales-sync.jar");
    private static final Pattern READY = Pattern.compile("Apache Camel \\S+ \\(.*\\) started in");
    private static final Pattern POLL = Pattern.compile("\\bpoll \\d+: ");
    private static final Pattern GC = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private final Process process;
    private final Path gcLog;
    private final long launchedAt = System.nanoTime();
    private volatile long readyAt;
    private volatile long polledAt;
    private volatile String pollLine;
    private volatile long peakRssKb;
    private volatile long cpuTicksAtReady = -1;
    private volatile long cpuTicksAtPoll = -1;
    /** Copies the output to the log file; done (the file complete) once the process ended and its output was read. */
    private Thread reader;
    private final List<String> lines = new ArrayList<>();
    private final List<String> pollLines = new CopyOnWriteArrayList<>();

    private BundleProcess(Process process, Path gcLog) {
        this.process = process;
        this.gcLog = gcLog;
    }

    /**
     * Starts the jar in {@code workDir} (its log: {@code name}.log there).
     *
     * @param jvm JVM options (e.g. -Xmx1g); the GC log is added
     */
    static BundleProcess start(Path workDir, String name, List<String> jvm, Map<String, String> properties,
                               String... args) throws IOException {
        Files.createDirectories(workDir);
        Path gcLog = workDir.resolve(name + "-gc.log").toAbsolutePath();
        List<String> cmd = new ArrayList<>();
        cmd.add(SimulatorsProcess.java());
        cmd.addAll(jvm);
        cmd.add("-Xlog:gc:file=" + gcLog);
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-jar");
        cmd.add(JAR.toAbsolutePath().toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true).start();
        BundleProcess bundle = new BundleProcess(p, gcLog);
        Path log = workDir.resolve(name + ".log");
        bundle.reader = new Thread(() -> bundle.read(log), "bundle-output");
        bundle.reader.setDaemon(true);
        bundle.reader.start();
        Thread sampler = new Thread(bundle::sampleRss, "bundle-rss");
        sampler.setDaemon(true);
        sampler.start();
        return bundle;
    }

    private void read(Path log) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                long now = System.nanoTime();
                if (readyAt == 0 && READY.matcher(line).find()) {
                    readyAt = now;
                    cpuTicksAtReady = cpuTicks();
                }
                if (POLL.matcher(line).find()) {
                    polledAt = now;
                    cpuTicksAtPoll = cpuTicks();
                    pollLine = line;
                    pollLines.add(line);
                }
                synchronized (lines) {
                    if (lines.size() < 5000) {
                        lines.add(line);
                    }
                }
                out.write(line);
                out.newLine();
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** utime + stime of the process in clock ticks (1/100 s on Linux), -1 when it is gone. */
    private long cpuTicks() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // f[0] is field 3 (state)
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU seconds the bundle used from "started" to its last poll summary (NaN when either was not read). */
    double pollCpuSeconds() {
        return cpuTicksAtReady < 0 || cpuTicksAtPoll < 0 ? Double.NaN : (cpuTicksAtPoll - cpuTicksAtReady) / 100.0;
    }

    private void sampleRss() {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        while (process.isAlive()) {
            try {
                for (String l : Files.readAllLines(status)) {
                    if (l.startsWith("VmHWM:")) {
                        peakRssKb = Math.max(peakRssKb, Long.parseLong(l.replaceAll("\\D", "")));
                    }
                }
                Thread.sleep(100);
            } catch (IOException | RuntimeException e) {
                return; // gone
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Waits for the process to end; its exit status, or -1 when it did not end in time (then it is killed). */
    int waitFor(Duration max) throws InterruptedException {
        if (!process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS)) {
            kill9();
            return -1;
        }
        logComplete();
        return process.exitValue();
    }

    /** The process ended: its last lines are in the log file (read and written) before anyone reads it. */
    private void logComplete() throws InterruptedException {
        reader.join(TimeUnit.SECONDS.toMillis(10));
    }

    /** Waits until Camel reports it started; false when the process ended first or the time ran out. */
    boolean awaitReady(Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (readyAt == 0 && process.isAlive() && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        return readyAt != 0;
    }

    /**
     * Waits for a poll summary line after the first {@code after} ones that matches; null when the process ended or
     * the time ran out first.
     */
    String awaitPoll(int after, Predicate<String> matching, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (process.isAlive() && System.nanoTime() < end) {
            List<String> seen = pollLines;
            for (int i = after; i < seen.size(); i++) {
                if (matching.test(seen.get(i))) {
                    return seen.get(i);
                }
            }
            Thread.sleep(20);
        }
        return null;
    }

    /** The poll summary lines so far. */
    int polls() {
        return pollLines.size();
    }

    /**
     * SIGTERM: the bundle shuts down as it would under an orchestrator. Sent through the process handle: Process.destroy
     * would also close our end of its output, and the lines it logs while it stops would be lost.
     */
    void stop() throws InterruptedException {
        process.toHandle().destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill9();
        }
        logComplete();
    }

    /** SIGKILL: no shutdown hook, no flush. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Launch to "Apache Camel ... started", in seconds (NaN when it never started). */
    double startSeconds() {
        return readyAt == 0 ? Double.NaN : (readyAt - launchedAt) / 1e9;
    }

    /** Camel started to the (last) poll summary line, in seconds (NaN when there was none). */
    double pollSeconds() {
        return readyAt == 0 || polledAt == 0 ? Double.NaN : (polledAt - readyAt) / 1e9;
    }

    String pollLine() {
        return pollLine;
    }

    /** The first lines of its output that contain this text (for a failed run's diagnosis). */
    List<String> linesContaining(String text) {
        synchronized (lines) {
            return lines.stream().filter(l -> l.contains(text)).limit(5).toList();
        }
    }

    long peakRssMb() {
        return peakRssKb >> 10;
    }

    /** {most heap used before a collection, most heap left after one} in MB, from the GC log. */
    long[] heapMb() throws IOException {
        long before = 0;
        long after = 0;
        if (Files.exists(gcLog)) {
            for (String l : Files.readAllLines(gcLog)) {
                Matcher m = GC.matcher(l);
                if (m.find()) {
                    before = Math.max(before, Long.parseLong(m.group(1)));
                    after = Math.max(after, Long.parseLong(m.group(2)));
                }
            }
        }
        return new long[] {before, after};
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill9();
        }
    }
}
