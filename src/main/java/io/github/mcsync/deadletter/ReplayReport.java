package io.github.mcsync.deadletter;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The answer to a replay request: the outcome of every dead letter it touched, and how many had each outcome. */
public record ReplayReport(int requested, Map<String, Integer> counts, List<ReplayOutcome> outcomes) {

    public static ReplayReport of(List<ReplayOutcome> outcomes) {
        Map<String, Integer> counts = new TreeMap<>();
        outcomes.forEach(o -> counts.merge(o.outcome(), 1, Integer::sum));
        return new ReplayReport(outcomes.size(), counts, List.copyOf(outcomes));
    }

    public int count(String outcome) {
        return counts.getOrDefault(outcome, 0);
    }
}
