package io.github.mcsync.demo;

import io.github.mcsync.demo.coursesales.CourseSalesDemoData;
import io.github.mcsync.demo.coursesales.CourseSalesSimulator;
import io.github.mcsync.demo.moodle.MoodleSimulator;
import io.github.mcsync.demo.moodle.SimulatedUser;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo profile's world: a Moodle simulator with the fixture site (students, a teacher, suspended,
 * expired and not-yet-started enrolments) and a CourseSales simulator with a matching licence, both on free
 * local ports. Now and then a new student enrols in PHYS101, so later polls have something new to send.
 */
public final class DemoEnvironment {
    private static final Logger LOG = LoggerFactory.getLogger(DemoEnvironment.class);
    private static final List<String[]> NEWCOMERS = List.of(
            new String[] {"aroha.ngata", "Aroha", "Ngata"},
            new String[] {"nguyen.van.an", "Văn An", "Nguyễn"},
            new String[] {"siobhan.oreilly", "Siobhán", "O'Reilly & Sons"},
            new String[] {"mia.schroeder", "Mia", "Schröder"},
            new String[] {"kwame.mensah", "Kwame", "Mensah"});

    private final MoodleSimulator moodle;
    private final CourseSalesSimulator courseSales;
    private final ScheduledExecutorService newcomers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-newcomers");
        t.setDaemon(true);
        return t;
    });

    private DemoEnvironment(MoodleSimulator moodle, CourseSalesSimulator courseSales) {
        this.moodle = moodle;
        this.courseSales = courseSales;
    }

    public static DemoEnvironment start() {
        MoodleSimulator moodle = MoodleSimulator.withFixtureData().start(0);
        CourseSalesSimulator courseSales = CourseSalesSimulator.withDemoData().start(0);
        DemoEnvironment demo = new DemoEnvironment(moodle, courseSales);
        AtomicInteger next = new AtomicInteger();
        demo.newcomers.scheduleAtFixedRate(() -> demo.enrolNewcomer(next.getAndIncrement()), 20, 30, TimeUnit.SECONDS);
        LOG.info("Demo: Moodle simulator at {}, CourseSales simulator at {}", moodle.baseUrl(), courseSales.url());
        return demo;
    }

    private void enrolNewcomer(int i) {
        if (i >= NEWCOMERS.size()) {
            return;
        }
        String[] n = NEWCOMERS.get(i);
        long id = moodle.addUser(SimulatedUser.builder(n[0]).firstname(n[1]).lastname(n[2])
                .email(n[0] + "@example.edu.au").build());
        moodle.enrol(CourseSalesDemoData.MOODLE_COURSE_PHYS101, id, "student");
        LOG.info("Demo: {} {} (Moodle user {}) enrolled in PHYS101", n[1], n[2], id);
    }

    /** The properties that point the bundle at the simulators. */
    public Map<String, String> properties() {
        return Map.of(
                "moodle.url", moodle.baseUrl(),
                "moodle.token", MoodleSimulator.DEMO_TOKEN,
                "coursesales.url", courseSales.url(),
                "coursesales.username", CourseSalesDemoData.USERNAME,
                "coursesales.password", CourseSalesDemoData.PASSWORD);
    }

    public void stop() {
        newcomers.shutdownNow();
        moodle.stop();
        courseSales.stop();
    }
}
