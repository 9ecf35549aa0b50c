package io.github.mcsync.enrolment;

import io.github.mcsync.failure.ReasonCode;
import io.github.mcsync.failure.RecordRejectedException;

import io.github.mcsync.coursesales.CourseSalesMetadata;
import io.github.mcsync.coursesales.CourseSalesMetadata.CourseDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Finds the CourseSales course date of a Moodle course. First the course date whose MoodleId equals the
 * Moodle course id; otherwise Wisenet-style offer codes: the course's idnumber (or shortname, by
 * {@code moodle.offer-code-field}) split on ';', each trimmed, matched case-sensitively and exactly to a
 * course date's Code; the leftmost code that names a listed course date wins (new codes are written first).
 */
public final class CourseLinker {
    private final String offerCodeField;

    public CourseLinker(String offerCodeField) {
        if (!"idnumber".equals(offerCodeField) && !"shortname".equals(offerCodeField)) {
            throw new IllegalArgumentException("moodle.offer-code-field must be idnumber or shortname, was " + offerCodeField);
        }
        this.offerCodeField = offerCodeField;
    }

    public CourseDate link(Enrolment e, CourseSalesMetadata metadata) {
        Optional<CourseDate> byId = metadata.courseDateForMoodleCourse(e.courseId());
        if (byId.isPresent()) {
            return byId.get();
        }
        List<String> codes = offerCodes(e);
        for (String code : codes) {
            Optional<CourseDate> d = metadata.courseDates().stream().filter(c -> code.equals(c.code())).findFirst();
            if (d.isPresent()) {
                return d.get();
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
        throw new RecordRejectedException(ReasonCode.UNMAPPED_COURSE, reason.toString());
    }

    List<String> offerCodes(Enrolment e) {
        String raw = "shortname".equals(offerCodeField) ? e.courseShortname() : e.courseIdnumber();
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        return Arrays.stream(raw.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
