package io.github.mcsync.demo;

import io.github.mcsync.SyncMain;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The demo ({@code demo/run}): starts the Moodle and CourseSales simulators on free local ports, then the real
 * bundle with the demo profile (src/test/resources/application-demo.properties: embedded H2, a poll every 15
 * seconds) pointed at them. The simulators live with the tests: the product jar carries none of them.
 * Arguments are the bundle's own ({@code --once}, {@code preflight}, ...).
 */
public final class DemoMain {
    private DemoMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = new ArrayList<>(Arrays.asList(args));
        if (!arguments.contains("--profile")) {
            arguments.addAll(0, List.of("--profile", "demo"));
        }
        DemoEnvironment demo = DemoEnvironment.start();
        int status;
        try {
            status = SyncMain.run(arguments.toArray(String[]::new), demo.properties());
        } finally {
            demo.stop();
        }
        System.exit(status);
    }
}
