package io.github.mcsync.failure;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * One sentence for the operator per reason code: what is wrong and where, in Moodle, CourseSales or our configuration,
 * to fix it. Our own codes carry theirs ({@link ReasonCode}); CourseSales' fault codes (the contract's table) and the
 * checklist's configuration codes have theirs here. Halts (a refused login or token, an unknown refusal) say theirs in
 * {@code feed.Halt#fix()}. The ops API's dead letters, the console and the preview show these.
 */
public final class OperatorSentences {
    private static final String REPLAY = ", then replay.";

    /** CourseSales' fault codes that end a record or pause the feed, and the checklist's own configuration codes. */
    static final Map<String, String> COURSESALES = Map.ofEntries(
            Map.entry("FORM_NOT_FOUND", "CourseSales knows no form coursesales.form-id (or coursesales.contact-form-id)"
                    + " names: set it to the FormId from the form's edit URL in CourseSales" + REPLAY),
            Map.entry("FORM_INACTIVE", "The registration form is not Active: set its status to Active under Forms in"
                    + " CourseSales" + REPLAY),
            Map.entry("FORM_NOT_PUBLISHED", "The registration form is not published: publish it under Forms in"
                    + " CourseSales" + REPLAY),
            Map.entry("FIELD_NOT_FOUND", "A mapped FieldId is not on the registration form: correct its"
                    + " coursesales.field.* or coursesales.fields.* property, or add the field to the form in CourseSales"
                    + REPLAY),
            Map.entry("FIELD_INACTIVE", "A mapped field of the registration form is not Active: set the field Active on"
                    + " the form in CourseSales (or stop mapping it)" + REPLAY),
            Map.entry("MANDATORY_FIELD_MISSING", "A mandatory field of the registration or contact form got no value (the"
                    + " reason names its FieldId): fill it in the Moodle user's profile, map a Moodle value to it"
                    + " (coursesales.fields.<FieldId>), or make it optional in CourseSales" + REPLAY),
            Map.entry("PROCESS_NOT_FOUND", "CourseSales knows no process coursesales.process-id names: set it to the"
                    + " ProcessId from the process's edit URL in CourseSales" + REPLAY),
            Map.entry("PROCESS_STEP_INACTIVE", "A step of the process is not Active: set the step Active under Processes in"
                    + " CourseSales" + REPLAY),
            Map.entry("PROCESS_PATH_INACTIVE", "A path of the process is not Active: set the path Active under Processes in"
                    + " CourseSales" + REPLAY),
            Map.entry("COURSE_DATE_NOT_FOUND", "The course date is gone from CourseSales: put the Moodle course id (or"
                    + " offer code) on the course date the enrolment belongs to in CourseSales" + REPLAY),
            Map.entry("COURSE_DATE_NOT_ACTIVE", "The course date is not Scheduled and Public: schedule and publish it in"
                    + " CourseSales, or move the Moodle Id to the intake that is" + REPLAY),
            Map.entry("RATE_LIMITED", "CourseSales asked us to slow down and every retry was refused: lower"
                    + " coursesales.concurrency or poll less often (moodle.poll.cron)" + REPLAY),
            Map.entry("INTERNAL_ERROR", "CourseSales failed on its side after every retry: check CourseSales' status with"
                    + " its support" + REPLAY),
            Map.entry("CLIENT_ID_FIELD", "identity.strategy needs the AVETMISS client identifier field: set"
                    + " coursesales.field.client-id, or give exactly one field of the registration form the Internal"
                    + " Export Id 'AVETMISS 7.0 Client Identifier' in CourseSales."));

    private OperatorSentences() {
    }

    /** The code's sentence, if it has one. */
    public static Optional<String> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Optional<String> own = Arrays.stream(ReasonCode.values()).filter(c -> c.name().equals(code)).findFirst()
                .map(ReasonCode::advice);
        return own.isPresent() ? own : Optional.ofNullable(COURSESALES.get(code));
    }
}
