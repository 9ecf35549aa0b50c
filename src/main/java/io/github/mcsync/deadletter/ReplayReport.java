package io.github.mcsync.deadletter;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The answer to a replay request: the outcome of every dead letter it touched, and how many had each outcome.
 *
 * @param remaining for a bulk replay (bounded by its limit): the NEW dead letters of that reason still waiting after
 *                  it (replay again for the next ones); null for a single replay
 */
public record ReplayReport(int requested, Map<String, Integer> counts, List<ReplayOutcome> outcomes,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Integer remaining) {

    public static ReplayReport of(List<ReplayOutcome> outcomes) {
        Map<String, Integer> counts = new TreeMap<>();
        outcomes.forEach(o -> counts.merge(o.outcome(), 1, Integer::sum));
        return new ReplayReport(outcomes.size(), counts, List.copyOf(outcomes), null);
    }

    public ReplayReport withRemaining(int waiting) {
        return new ReplayReport(requested, counts, outcomes, waiting);
    }

    public int count(String outcome) {
        return counts.getOrDefault(outcome, 0);
    }
}
