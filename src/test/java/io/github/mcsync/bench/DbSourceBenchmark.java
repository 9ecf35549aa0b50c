package io.github.mcsync.bench;

import io.github.mcsync.ExchangeNames;
import io.github.mcsync.SyncApplication;
import io.github.mcsync.SyncHarness;
import io.github.mcsync.demo.coursesales.CourseSalesDemoData;
import io.github.mcsync.demo.coursesales.CourseSalesSimulator;
import io.github.mcsync.demo.moodle.MoodleSimulator;
import io.github.mcsync.demo.moodle.SimulatedUser;
import io.github.mcsync.feed.DatabasePoll;
import io.github.mcsync.feed.DatabasePolls;
import io.github.mcsync.feed.FeedControl;
import io.github.mcsync.feed.PollRun;
import io.github.mcsync.moodle.db.MoodleTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;

/**
 * The database source's benchmark (bench/db-source [postgresql|mariadb] [existing] [new]): a Moodle database with
 * 100,000 existing enrolments (Moodle 4.5's tables, real PostgreSQL or MariaDB), then
 * <ul>
 *   <li>the idle poll (nothing new): median, p95 and max of 50 polls through the real routes;</li>
 *   <li>10,000 new enrolments read and mapped into Enrolments (the batch's query and the profile query, no SOAP);</li>
 *   <li>the REST source's idle poll on the same site (the Moodle simulator over HTTP with the same enrolments).</li>
 * </ul>
 */
public final class DbSourceBenchmark {
    private DbSourceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String kind = args.length > 0 ? args[0] : "postgresql";
        int existing = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int fresh = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        MoodleTestDatabase db = "mariadb".equals(kind) ? MoodleTestDatabase.mariadb() : MoodleTestDatabase.postgres();
        CourseSalesSimulator courseSales = CourseSalesSimulator.withDemoData().start(0);
        long t = System.nanoTime();
        addEnrolments(db, 1000, existing);
        System.out.printf("%s: %d existing enrolments (users, user_enrolments, role_assignments) loaded in %.1f s%n",
                kind, existing, (System.nanoTime() - t) / 1e9);

        Map<String, String> p = common(courseSales);
        p.put("moodle.source", "db");
        p.put("moodle.db.url", db.url);
        p.put("moodle.db.username", db.adminUser);
        p.put("moodle.db.batch-size", Integer.toString(fresh));
        p.put("moodle.start", "now");
        SyncApplication app = new SyncApplication(null, p);
        app.start();
        t = System.nanoTime();
        PollRun baseline = app.pollOnce();
        System.out.printf("first start (moodle.start=now, batch %d): %s in %.2f s%n", fresh, baseline.summary(),
                (System.nanoTime() - t) / 1e9);
        List<Double> idle = new ArrayList<>();
        for (int i = 0; i < 55; i++) {
            long s = System.nanoTime();
            PollRun r = app.pollOnce();
            if (i >= 5) { // the first few warm the JIT
                idle.add((System.nanoTime() - s) / 1e6);
            }
            if (r.sentCount() != 0 || !r.ok()) {
                throw new IllegalStateException("an idle poll sent something: " + r.summary());
            }
        }
        System.out.printf("database source, idle poll with %d existing enrolments (50 polls): %s%n", existing, stats(idle));

        addEnrolments(db, 1000 + existing, fresh);
        DatabasePolls polls = app.context().getRegistry().lookupByNameAndType("databasePolls", DatabasePolls.class);
        FeedControl feed = app.context().getRegistry().lookupByNameAndType("feedControl", FeedControl.class);
        Exchange e = new DefaultExchange(app.context());
        PollRun run = feed.startPoll();
        e.setProperty(ExchangeNames.POLL_RUN, run);
        DatabasePoll poll = polls.start(run);
        e.setVariable(DatabasePoll.VARIABLE, poll);
        t = System.nanoTime();
        app.context().createProducerTemplate().send("direct:moodleDbReadBatch", e);
        int mapped = polls.sending(poll).size();
        double seconds = (System.nanoTime() - t) / 1e9;
        if (e.getException() != null) {
            throw e.getException();
        }
        System.out.printf("database source, %d new enrolments read and mapped (enrolment query + profile query, no"
                + " SOAP): %.2f s = %.0f rows/s%n", mapped, seconds, mapped / seconds);
        app.stop();
        db.drop();

        // the REST source on the same site: the same number of existing enrolments in the Moodle simulator
        MoodleSimulator moodle = MoodleSimulator.withFixtureData().start(0);
        long[] courses = {2, 3, 4};
        for (int i = 0; i < existing; i++) {
            long id = moodle.addUser(SimulatedUser.builder("bench" + i).firstname("Bench").lastname("Student " + i)
                    .email("bench" + i + "@example.edu.au").build());
            moodle.enrol(courses[i % 3], id, "student");
        }
        Map<String, String> r = common(courseSales);
        r.put("moodle.url", moodle.baseUrl());
        r.put("moodle.token", MoodleSimulator.DEMO_TOKEN);
        r.put("moodle.start", "now");
        SyncApplication rest = new SyncApplication(null, r);
        rest.start();
        rest.pollOnce(); // baseline
        List<Double> restIdle = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long s = System.nanoTime();
            rest.pollOnce();
            restIdle.add((System.nanoTime() - s) / 1e6);
        }
        System.out.printf("REST source, idle poll on the same %d enrolments (page size %s, 3 polls): %s; %d Moodle"
                + " calls per poll%n", existing, "100", stats(restIdle), (existing / 3 / 100 + 2) * 3);
        rest.stop();
        moodle.stop();
        courseSales.stop();
        System.exit(0);
    }

    private static Map<String, String> common(CourseSalesSimulator courseSales) throws Exception {
        Path state = Files.createTempDirectory("db-bench");
        Map<String, String> p = new HashMap<>();
        p.put("moodle.poll.enabled", "false");
        p.put("coursesales.url", courseSales.url());
        p.put("coursesales.username", CourseSalesDemoData.USERNAME);
        p.put("coursesales.password", CourseSalesDemoData.PASSWORD);
        p.put("state.jdbc-url", "jdbc:h2:file:" + state.resolve("state").toAbsolutePath());
        p.put("camel.server.enabled", "false");
        p.put("camel.main.routes-exclude-pattern", "**/ops-api.camel.*");
        p.putAll(SyncHarness.DEMO_MAPPING);
        return p;
    }

    /** n users, each enrolled as a student in course 2, 3 or 4 (manual instances 1, 4, 7), ids from first. */
    private static void addEnrolments(MoodleTestDatabase db, long first, int n) {
        long now = db.now();
        long[] instances = {1, 4, 7};
        long[] contexts = {14, 15, 16};
        List<Object[]> users = new ArrayList<>();
        List<Object[]> ues = new ArrayList<>();
        List<Object[]> ras = new ArrayList<>();
        for (long id = first; id < first + n; id++) {
            int c = (int) (id % 3);
            users.add(new Object[] {id, "bench" + id, "Bench", "Student " + id, "bench" + id + "@example.edu.au"});
            ues.add(new Object[] {id, instances[c], id, now, now});
            ras.add(new Object[] {id, contexts[c], id, now});
        }
        for (int i = 0; i < n; i += 5000) {
            int to = Math.min(n, i + 5000);
            db.admin.batchUpdate("INSERT INTO mdl_user (id, auth, confirmed, mnethostid, username, firstname, lastname,"
                    + " email, description) VALUES (?, 'manual', 1, 1, ?, ?, ?, ?, '')", users.subList(i, to));
            db.admin.batchUpdate("INSERT INTO mdl_user_enrolments (id, status, enrolid, userid, timestart, timeend,"
                    + " modifierid, timecreated, timemodified) VALUES (?, 0, ?, ?, 0, 0, 2, ?, ?)", ues.subList(i, to));
            db.admin.batchUpdate("INSERT INTO mdl_role_assignments (id, roleid, contextid, userid, timemodified,"
                    + " modifierid, component, itemid, sortorder) VALUES (?, 5, ?, ?, ?, 2, '', 0, 0)", ras.subList(i, to));
        }
        if (db.isPostgres()) {
            db.admin.execute("ANALYZE");
        } else {
            db.admin.execute("ANALYZE TABLE mdl_user, mdl_user_enrolments, mdl_role_assignments");
        }
    }

    private static String stats(List<Double> ms) {
        List<Double> s = new ArrayList<>(ms);
        Collections.sort(s);
        return String.format("median %.1f ms, p95 %.1f ms, max %.1f ms", s.get(s.size() / 2),
                s.get((int) Math.ceil(s.size() * 0.95) - 1), s.get(s.size() - 1));
    }
}
