package io.github.mcsync.enrolment;

import io.github.mcsync.coursesales.CourseSalesMetadata;
import io.github.mcsync.coursesales.CourseSalesMetadata.CourseDate;
import io.github.mcsync.failure.Problem;
import io.github.mcsync.failure.ReasonCode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Finds the CourseSales course date of a record's Moodle course (checklist: "the course dates must have the correct
 * Moodle Ids"). First the listed course dates whose MoodleId is the Moodle course id; otherwise Wisenet-style offer
 * codes: the course's idnumber (or shortname, by {@code moodle.offer-code-field}) split on ';', each trimmed, matched
 * case-sensitively and exactly to a course date's Code; the leftmost code that names a listed course date wins (new
 * codes are written first).
 * <p>
 * When several Scheduled course dates qualify (one per intake), the one whose StartDate is nearest on or after the
 * enrolment is chosen: its start ({@code timeStart}) where the source knows it, else when it was made
 * ({@code timeCreated}), else today, as a date of the licence ({@code coursesales.timezone}). Two starting on that
 * same nearest date, or none starting on or after it, cannot be settled: AMBIGUOUS_COURSE_DATE naming the candidates.
 */
public final class CourseLinker {
    private static final int MAX_CHOICE = 500;

    private final String offerCodeField;
    private final Clock clock;
    private final ZoneId licenceZone;

    public CourseLinker(String offerCodeField, Clock clock, ZoneId licenceZone) {
        if (!"idnumber".equals(offerCodeField) && !"shortname".equals(offerCodeField)) {
            throw new IllegalArgumentException("moodle.offer-code-field must be idnumber or shortname, was " + offerCodeField);
        }
        this.offerCodeField = offerCodeField;
        this.clock = clock;
        this.licenceZone = licenceZone;
    }

    public CourseLink link(Enrolment e, CourseSalesMetadata metadata) {
        List<CourseDate> byId = metadata.courseDatesForMoodleCourse(e.courseId());
        if (!byId.isEmpty()) {
            return choose(byId, "Moodle Id " + e.courseId(), e);
        }
        List<String> codes = offerCodes(e);
        for (String code : codes) {
            List<CourseDate> byCode = metadata.courseDatesWithCode(code);
            if (!byCode.isEmpty()) {
                return choose(byCode, "offer code '" + code + "'", e);
            }
        }
        StringBuilder reason = new StringBuilder("no active course date has Moodle Id " + e.courseId());
        reason.append(codes.isEmpty() ? " and the Moodle course has no offer code in its " + offerCodeField
                : " or one of the offer codes " + codes + " (Moodle course " + e.courseShortname() + ", " + offerCodeField + ")");
        for (String code : codes) {
            metadata.courseDates().stream().filter(c -> c.code() != null && c.code().equalsIgnoreCase(code)).findFirst()
                    .ifPresent(c -> reason.append("; '").append(code).append("' matches course date '").append(c.code())
                            .append("' only if case is ignored"));
        }
        return CourseLink.rejected(Problem.of(ReasonCode.UNMAPPED_COURSE, reason.toString()));
    }

    private CourseLink choose(List<CourseDate> candidates, String linkedBy, Enrolment e) {
        if (candidates.size() == 1) {
            return CourseLink.chosen(candidates.get(0), linkedBy, false);
        }
        Reference from = reference(e);
        List<CourseDate> upcoming = candidates.stream()
                .filter(d -> d.startDate() != null && !d.startDate().isBefore(from.date()))
                .sorted(Comparator.comparing(CourseDate::startDate)).toList();
        String all = describe(candidates.stream().sorted(Comparator.comparing(CourseDate::startDate,
                Comparator.nullsFirst(Comparator.naturalOrder()))).toList());
        if (upcoming.isEmpty()) {
            return CourseLink.rejected(Problem.of(ReasonCode.AMBIGUOUS_COURSE_DATE, candidates.size()
                    + " Scheduled course dates carry " + linkedBy + " and none starts on or after " + from + ": " + all));
        }
        LocalDate nearest = upcoming.get(0).startDate();
        List<CourseDate> tied = upcoming.stream().filter(d -> d.startDate().equals(nearest)).toList();
        if (tied.size() > 1) {
            return CourseLink.rejected(Problem.of(ReasonCode.AMBIGUOUS_COURSE_DATE, candidates.size()
                    + " Scheduled course dates carry " + linkedBy + " and " + describe(tied) + " all start on " + nearest
                    + ", the nearest on or after " + from + " (all: " + all + ")"));
        }
        String choice = linkedBy + ": " + upcoming.get(0).courseDateId() + ", of " + all + " the first to start on or after "
                + from;
        return CourseLink.chosen(upcoming.get(0), choice.length() <= MAX_CHOICE ? choice : choice.substring(0, MAX_CHOICE), true);
    }

    /** The date the course date should start on or after, and what it is (for messages). */
    private record Reference(String what, LocalDate date) {
        @Override
        public String toString() {
            return what + " (" + date + ")";
        }
    }

    private Reference reference(Enrolment e) {
        if (e.timeStart() != null && e.timeStart() > 0) {
            return new Reference("the enrolment's start", localDate(e.timeStart()));
        }
        if (e.timeCreated() != null && e.timeCreated() > 0) {
            return new Reference("the day the enrolment was made", localDate(e.timeCreated()));
        }
        return new Reference("today", LocalDate.now(clock.withZone(licenceZone)));
    }

    private LocalDate localDate(long epochSeconds) {
        return LocalDate.ofInstant(Instant.ofEpochSecond(epochSeconds), licenceZone);
    }

    private static String describe(List<CourseDate> dates) {
        return dates.stream().map(d -> d.courseDateId() + " (starts " + d.startDate() + ")").collect(Collectors.joining(", "));
    }

    List<String> offerCodes(Enrolment e) {
        String raw = "shortname".equals(offerCodeField) ? e.courseShortname() : e.courseIdnumber();
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        return Arrays.stream(raw.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
