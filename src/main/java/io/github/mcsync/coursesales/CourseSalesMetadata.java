package io.github.mcsync.coursesales;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What we know of the licence's CourseSales configuration, independent of the SOAP shape: the registration
 * form, the optional contact form, the process, the active course categories and the listed course dates.
 */
public record CourseSalesMetadata(Form registrationForm, Form contactForm, Process process,
                                  List<Category> categories, List<CourseDate> courseDates, Instant fetchedAt) {

    public CourseSalesMetadata {
        categories = List.copyOf(categories);
        courseDates = List.copyOf(courseDates);
    }

    /** The listed course dates linked to this Moodle course (several when each intake has its own). */
    public List<CourseDate> courseDatesForMoodleCourse(long moodleCourseId) {
        return courseDates.stream().filter(d -> d.moodleId() != null && d.moodleId() == moodleCourseId).toList();
    }

    /** The listed course dates with this offer code (matched exactly, case-sensitively). */
    public List<CourseDate> courseDatesWithCode(String code) {
        return courseDates.stream().filter(d -> code.equals(d.code())).toList();
    }

    public Optional<Category> category(int optionId) {
        return categories.stream().filter(c -> c.optionId() == optionId).findFirst();
    }

    public record Form(int formId, String name, String recordType, String status, boolean published,
                       List<Field> fields) {
        public Form {
            fields = List.copyOf(fields);
        }

        public Optional<Field> field(int fieldId) {
            return fields.stream().filter(f -> f.fieldId() == fieldId).findFirst();
        }
    }

    public record Field(int fieldId, String name, String label, String type, String status, boolean mandatory,
                        String internalExportId) {
    }

    public record Process(int processId, String name, String status, List<Item> steps, List<Item> paths) {
        public Process {
            steps = List.copyOf(steps);
            paths = List.copyOf(paths);
        }
    }

    /** A process step or path. */
    public record Item(int id, String name, String status) {
    }

    public record Category(int optionId, String name, String status, Integer moodleCategoryId) {
    }

    /** @param startDate the licence's local date the course date starts on */
    public record CourseDate(int courseDateId, String name, String code, LocalDate startDate, String status,
                             boolean isPublic, int courseCategoryId, Integer moodleId) {
    }
}
