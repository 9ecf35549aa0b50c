package io.github.mcsync.validation;

import io.github.mcsync.coursesales.CourseSalesMetadata;
import io.github.mcsync.coursesales.CourseSalesMetadata.CourseDate;
import io.github.mcsync.coursesales.CourseSalesMetadata.Field;
import io.github.mcsync.enrolment.Enrolment;
import io.github.mcsync.failure.ReasonCode;
import io.github.mcsync.failure.RecordRejectedException;
import io.github.mcsync.enrolment.Registration;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Record-level checks: the linked course date's category, and the values of the registration. A failure
 * dead-letters the record with its reason; the feed goes on with the others.
 */
public final class RecordCheck {
    private static final String ACTIVE = "Active";
    static final int MAX_VALUE = 255;
    static final int MAX_LONG_TEXT = 65_535;
    static final int MAX_SOURCE_REFERENCE = 100;

    /** The course date's CourseCategoryId must be an Active Course Category carrying the Moodle course's category id. */
    public void category(Enrolment e, CourseDate date, CourseSalesMetadata m) {
        var category = m.category(date.courseCategoryId());
        if (category.isEmpty() || !ACTIVE.equals(category.get().status())) {
            throw new RecordRejectedException(ReasonCode.CATEGORY_INACTIVE, "course date " + date.courseDateId() + " '"
                    + date.name() + "' is in course category " + date.courseCategoryId()
                    + ", which is not an Active 'Course Category' option");
        }
        Integer moodleCategory = category.get().moodleCategoryId();
        if (moodleCategory == null || moodleCategory != e.categoryId()) {
            throw new RecordRejectedException(ReasonCode.CATEGORY_MISMATCH, "course category " + category.get().optionId()
                    + " '" + category.get().name() + "' has Moodle Category Id " + moodleCategory + ", but Moodle course "
                    + e.courseId() + " (" + e.courseShortname() + ") is in Moodle category " + e.categoryId());
        }
    }

    /** Every mandatory field has a non-blank value; no value breaks its field's limits. */
    public void values(Registration r, CourseSalesMetadata m) {
        Set<Integer> given = r.fieldValues().stream().map(Registration.FieldValue::fieldId).collect(Collectors.toSet());
        for (Field f : m.registrationForm().fields()) {
            if (f.mandatory() && ACTIVE.equals(f.status()) && !given.contains(f.fieldId())) {
                throw new RecordRejectedException(ReasonCode.MISSING_REQUIRED_VALUE, "mandatory field " + f.fieldId()
                        + " '" + f.name() + "' has no value for this Moodle user");
            }
        }
        for (Registration.FieldValue v : r.fieldValues()) {
            int max = m.registrationForm().field(v.fieldId()).map(RecordCheck::maxLength).orElse(MAX_VALUE);
            int length = v.value().codePointCount(0, v.value().length());
            if (length > max) {
                throw new RecordRejectedException(ReasonCode.INVALID_VALUE, "the value for field " + v.fieldId() + " has "
                        + length + " characters; at most " + max + " are allowed");
            }
        }
        if (r.sourceReference().codePointCount(0, r.sourceReference().length()) > MAX_SOURCE_REFERENCE) {
            throw new RecordRejectedException(ReasonCode.INVALID_VALUE, "the source reference is longer than "
                    + MAX_SOURCE_REFERENCE + " characters");
        }
    }

    static int maxLength(Field f) {
        return "Textarea".equalsIgnoreCase(f.type()) ? MAX_LONG_TEXT : MAX_VALUE;
    }
}
