package io.github.mcsync.enrolment;

import io.github.mcsync.coursesales.CourseSalesMetadata.CourseDate;
import io.github.mcsync.failure.Problem;
import java.util.List;

/**
 * The CourseSales course date a record is registered for, and how it was chosen; or, when none can be chosen, the
 * problems (UNMAPPED_COURSE, AMBIGUOUS_COURSE_DATE) that send the record to the dead-letter store.
 *
 * @param choice how the course date was found, for the log and the delivery record, e.g.
 *               {@code Moodle Id 2: of 9011, 9012 the first to start on or after today (2026-12-01)}
 * @param severalCandidates whether the rule chose among several course dates (then the choice is logged)
 */
public record CourseLink(CourseDate courseDate, String choice, boolean severalCandidates, List<Problem> problems) {

    public CourseLink {
        problems = List.copyOf(problems);
    }

    static CourseLink chosen(CourseDate courseDate, String choice, boolean severalCandidates) {
        return new CourseLink(courseDate, choice, severalCandidates, List.of());
    }

    static CourseLink rejected(Problem problem) {
        return new CourseLink(null, null, false, List.of(problem));
    }
}
