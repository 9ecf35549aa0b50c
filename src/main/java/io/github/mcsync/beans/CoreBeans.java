package io.github.mcsync.beans;

import io.github.mcsync.Settings;
import java.time.Clock;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/** What every other bean uses: the configuration contract ({@link Settings}) and the clock. */
public final class CoreBeans implements CamelConfiguration {

    @BindToRegistry
    public Settings settings(CamelContext context) {
        return new Settings(context);
    }

    @BindToRegistry
    public Clock clock() {
        return Clock.systemUTC();
    }
}
