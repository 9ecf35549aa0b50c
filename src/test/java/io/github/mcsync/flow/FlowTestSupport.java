package io.github.mcsync.flow;

import io.github.mcsync.SyncHarness;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** Flow tests: a state directory per test and the harness closed after it. */
abstract class FlowTestSupport {
    @TempDir
    Path stateDir;
    SyncHarness sync;

    @AfterEach
    void closeHarness() throws Exception {
        if (sync != null) {
            sync.close();
        }
    }
}
