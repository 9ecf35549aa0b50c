package io.github.mcsync.enrolment;

/**
 * Which CourseSales form, process and FieldIds a registration uses (properties {@code coursesales.form-id},
 * {@code coursesales.process-id}, {@code coursesales.field.*}). A null FieldId means "not mapped": no value is sent.
 */
public record FieldMapping(
        int formId,
        int processId,
        Integer contactFormId,
        Integer firstName,
        Integer lastName,
        Integer email,
        Integer phone,
        Integer mobile,
        Integer moodleId,
        Integer clientId) {
}
