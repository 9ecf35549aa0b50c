package io.github.mcsync.ops;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The preview's answer (GET /api/preview, {@code java -jar ... preview}): for each enrolment the next poll would pick
 * up now, what would happen to it. Nothing was sent and no state was written to find out.
 *
 * @param generatedAt   when the preview ran (ISO-8601 UTC)
 * @param state         RUNNING, or HALTED when a poll now would read nothing (then {@code haltedReason} says why)
 * @param moodleFailure why Moodle could not be read (a poll now would fail the same way and send nothing), else null
 * @param baseline      true when the next poll takes the baseline of a course seen for the first time (moodle.start=now):
 *                      that course's enrolments are recorded as known, not sent
 * @param counts        records per verdict, in the order of {@link Verdict}
 * @param records       one row per enrolment, in the order the poll takes them
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PreviewReport(String generatedAt, String state, String haltedReason, String moodleFailure,
                            boolean baseline, Map<String, Integer> counts, List<Row> records, String note) {

    /** What the next poll would do with one enrolment. */
    public enum Verdict {
        WOULD_SEND("would be sent"),
        WOULD_DEAD_LETTER("would be dead-lettered"),
        BASELINE("would be recorded as known, not sent (baseline)"),
        ALREADY_SENT("already done, not sent again"),
        WAITING_IN_DEAD_LETTERS("waiting in dead letters (replay or discard them)"),
        OUTCOME_UNKNOWN("waits at its source until its last submission's outcome can be known"),
        WOULD_PAUSE("would pause the feed (a CourseSales configuration problem)"),
        WOULD_HALT("would halt the feed"),
        STAYS_AT_SOURCE("would stay at its source (the feed stops before it)"),
        NOT_CHECKED("could not be checked now (CourseSales unavailable)");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /**
     * One enrolment's verdict.
     *
     * @param reasonCode   the reason code (a dead letter's, a pause's, a halt's, a waiting dead letter's)
     * @param reason       what is wrong, as the dead letter or log would say it
     * @param advice       the code's operator sentence: what to do and where
     * @param courseDate   the course date it would be registered for (WOULD_SEND)
     * @param fields       the values it would carry, in the order sent (WOULD_SEND)
     * @param deadLetterId the dead letter it waits in (WAITING_IN_DEAD_LETTERS)
     * @param recorded     how it was recorded as done (ALREADY_SENT): DELIVERED, FOUND, BASELINE or DISCARDED
     * @param note         anything else the operator should know (e.g. an unknown earlier outcome)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(String sourceReference, long courseId, String course, long userId, String username, String name,
                      Verdict verdict, String reasonCode, String reason, String advice, CourseDate courseDate,
                      List<Field> fields, Long deadLetterId, Recorded recorded, String note) {
    }

    /** @param choice how it was chosen among several course dates, null when only one carries the Moodle course */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CourseDate(int id, String name, String startDate, String choice) {
    }

    public record Field(int fieldId, String name, String value) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Recorded(String outcome, String documentExternalId, String recordedAt) {
    }

    static Map<String, Integer> countsOf(List<Row> rows) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Verdict v : Verdict.values()) {
            int n = (int) rows.stream().filter(r -> r.verdict() == v).count();
            if (n > 0) {
                counts.put(v.name(), n);
            }
        }
        return counts;
    }

    /** The terminal's table: one line per enrolment, then one line of totals. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        if (haltedReason != null) {
            out.add("feed HALTED: " + haltedReason);
        }
        if (moodleFailure != null) {
            out.add("Moodle could not be read: " + moodleFailure);
        }
        if (!records.isEmpty()) {
            int ref = Math.max(16, records.stream().mapToInt(r -> r.sourceReference().length()).max().orElse(0));
            int course = Math.max(6, records.stream().mapToInt(r -> r.course().length()).max().orElse(0));
            String format = "%-23s  %-" + ref + "s  %-" + course + "s  %s";
            out.add(String.format(format, "VERDICT", "SOURCE REFERENCE", "COURSE", "WHAT").stripTrailing());
            for (Row r : records) {
                out.add(String.format(format, r.verdict().name(), r.sourceReference(), r.course(), what(r)).stripTrailing());
            }
        }
        out.add(summary());
        return out;
    }

    /** {@code preview: 2 would be sent, 1 would be dead-lettered, ... (nothing sent, nothing written)}. */
    public String summary() {
        if (records.isEmpty()) {
            return "preview: the next poll would pick up no enrolment" + (note == null ? "" : " (" + note + ")");
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((verdict, n) -> parts.add(n + " " + Verdict.valueOf(verdict).text()));
        return "preview of " + records.size() + " enrolments: " + String.join(", ", parts)
                + " (nothing was sent, nothing written)";
    }

    private static String what(Row r) {
        StringBuilder s = new StringBuilder();
        if (r.name() != null && !r.name().isBlank()) {
            s.append(r.name()).append(": ");
        }
        switch (r.verdict()) {
            case WOULD_SEND -> {
                s.append("course date ").append(r.courseDate().id()).append(" '").append(r.courseDate().name()).append("'");
                r.fields().forEach(f -> s.append("; ").append(f.fieldId()).append(' ').append(f.name()).append('=')
                        .append(f.value()));
            }
            case ALREADY_SENT -> s.append(r.recorded() == null ? "done" : r.recorded().outcome()
                    + (r.recorded().documentExternalId() == null ? "" : " as document " + r.recorded().documentExternalId()));
            case WAITING_IN_DEAD_LETTERS -> s.append("dead letter ").append(r.deadLetterId()).append(" (")
                    .append(r.reasonCode()).append(')');
            default -> {
                if (r.reasonCode() != null) {
                    s.append(r.reasonCode()).append(": ");
                }
                s.append(r.reason() == null ? r.verdict().text() : r.reason());
                if (r.advice() != null) {
                    s.append(" -> ").append(r.advice());
                }
            }
        }
        if (r.note() != null) {
            s.append(" [").append(r.note()).append(']');
        }
        return s.toString();
    }
}
