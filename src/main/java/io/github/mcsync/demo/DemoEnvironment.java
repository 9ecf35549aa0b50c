package io.github.mcsync.demo;

import java.util.Map;

/** Placeholder until the simulators are merged. */
public final class DemoEnvironment {
    public static DemoEnvironment start() {
        throw new UnsupportedOperationException("demo not wired yet");
    }

    public Map<String, String> properties() {
        return Map.of();
    }

    public void stop() {
    }
}
