package io.github.mcsync.enrolment;

/**
 * Which CourseSales form, process and FieldIds a registration uses (properties {@code coursesales.form-id},
 * {@code coursesales.process-id}, {@code coursesales.field.*}). A null FieldId means "not mapped": no value is sent. The USI travels
 * from the Moodle custom profile field {@code moodle.usi-field} into {@code coursesales.field.usi}.
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
        Integer clientId,
        Integer usi,
        String usiProfileField) {
}
