package io.github.mcsync.failure;

import java.util.List;

/**
 * CourseSales' configuration is wrong for every record (a form, field, process, contact form or login
 * problem): the feed halts before the record, nothing is consumed or dead-lettered, and the next poll
 * checks again with fresh metadata.
 */
public class ConfigurationProblemException extends RuntimeException {
    private final List<Problem> problems;

    public ConfigurationProblemException(List<Problem> problems) {
        super(problems.get(0).code() + ": " + problems.get(0).text()
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more: see GET /api/preflight)" : ""));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    public String code() {
        return problems.get(0).code();
    }
}
