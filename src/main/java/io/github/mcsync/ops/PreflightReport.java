package io.github.mcsync.ops;

import java.util.ArrayList;
import java.util.List;

/** The preflight checklist: one line per item, PASS or FAIL, what is wrong and where to fix it. */
public final class PreflightReport {
    private final List<Check> checks = new ArrayList<>();

    public record Check(String status, String item, String detail) {
        public String line() {
            return String.format("%-4s  %-28s %s", status, item, detail);
        }
    }

    public void pass(String item, String detail) {
        checks.add(new Check("PASS", item, detail));
    }

    public void fail(String item, String detail) {
        checks.add(new Check("FAIL", item, detail));
    }

    public List<Check> getChecks() {
        return List.copyOf(checks);
    }

    public boolean isPassed() {
        return !checks.isEmpty() && checks.stream().allMatch(c -> "PASS".equals(c.status()));
    }

    public List<String> lines() {
        return checks.stream().map(Check::line).toList();
    }
}
