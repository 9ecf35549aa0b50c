package io.github.mcsync.failure;

/**
 * Our own reason codes (dead letters and preflight share them). CourseSales faults keep their contract
 * code as the reason. Each code carries one sentence for the operator: what is wrong, where to fix it.
 */
public enum ReasonCode {
    FORM_RECORD_TYPE("coursesales.form-id names a form that is not a registration form (RecordType Documents): "
            + "set it to the FormId of the registration form Moodle enrolments go to."),
    PROCESS_INACTIVE("The process is not Active: set its status to Active under Processes in CourseSales."),
    CONTACT_FORM_INACTIVE("The contact form is not Active: set its status to Active under Forms in CourseSales."),
    CONTACT_FORM_NOT_PUBLISHED("The contact form is not published: publish it under Forms in CourseSales."),
    CONTACT_FORM_RECORD_TYPE("coursesales.contact-form-id names a form that is not a contact form (RecordType Contacts): "
            + "correct coursesales.contact-form-id, or leave it out when no contact form is used."),
    UNMAPPED_COURSE("No active CourseSales course date carries this Moodle course id (or one of its offer codes): "
            + "set the course date's Moodle Id in CourseSales, or the offer code in the Moodle course's ID number."),
    AMBIGUOUS_COURSE_DATE("Several Scheduled course dates carry this Moodle course id (or offer code) and none is the "
            + "only one starting nearest on or after the enrolment (or today): keep the Moodle Id only on the intake's "
            + "course date in CourseSales, or give it its own StartDate, then replay."),
    CATEGORY_INACTIVE("The course date's course category is not an Active 'Course Category' option: "
            + "activate it under Options in CourseSales."),
    CATEGORY_MISMATCH("The course date's course category carries a different Moodle Category Id than the Moodle "
            + "course's category: correct the Moodle Category Id on the option in CourseSales."),
    CONTACT_FORM_MANDATORY_FIELD("The contact form has a mandatory field that Moodle does not supply: "
            + "make it optional in CourseSales or map a Moodle field to it."),
    MISSING_REQUIRED_VALUE("A mandatory field of the registration form has no value from Moodle: "
            + "fill it in the Moodle user's profile, then replay."),
    INVALID_VALUE("A value breaks the field's limits in CourseSales, or holds a character XML cannot carry (a control "
            + "character): correct it in Moodle, then replay."),
    MAPPING_FAILED("A coursesales.fields.* expression could not be evaluated for this record: correct the expression "
            + "(or the Moodle value it reads), then replay."),
    CLIENT_ID_INVALID("The AVETMISS Client Identifier is not 1-10 printable ASCII characters: "
            + "choose another identity.strategy or correct the Moodle username."),
    CLIENT_ID_NOT_UNIQUE("The AVETMISS Client Identifier would collide with another Moodle user's: "
            + "use identity.strategy=document-source-id or rename one of the users in Moodle."),
    INVALID_USI("The USI is not 10 characters of the USI alphabet: correct it in the Moodle profile, then replay."),
    NO_LONGER_ENROLLED("A replay read the enrolment again in Moodle and it is no longer active (unenrolled, suspended, "
            + "ended, or the user deleted): nothing was sent. Discard the dead letter, or replay it once the enrolment is "
            + "active again."),
    RETRIES_EXHAUSTED("CourseSales could not be reached after every retry: check CourseSales availability, then replay."),
    UNEXPECTED_ERROR("An unexpected error occurred: read the reason text (it names what failed), fix the cause in Moodle,"
            + " CourseSales or our configuration, then replay.");

    private final String advice;

    ReasonCode(String advice) {
        this.advice = advice;
    }

    public String advice() {
        return advice;
    }
}
