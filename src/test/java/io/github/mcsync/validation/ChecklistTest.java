package io.github.mcsync.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mcsync.coursesales.CourseSalesMetadata;
import io.github.mcsync.coursesales.CourseSalesMetadata.Category;
import io.github.mcsync.coursesales.CourseSalesMetadata.CourseDate;
import io.github.mcsync.coursesales.CourseSalesMetadata.Field;
import io.github.mcsync.coursesales.CourseSalesMetadata.Form;
import io.github.mcsync.coursesales.CourseSalesMetadata.Item;
import io.github.mcsync.coursesales.CourseSalesMetadata.Process;
import io.github.mcsync.enrolment.Enrolment;
import io.github.mcsync.enrolment.FieldMapping;
import io.github.mcsync.enrolment.identity.IdentityStrategy;
import io.github.mcsync.failure.ConfigurationProblemException;
import io.github.mcsync.failure.Problem;
import io.github.mcsync.failure.RecordRejectedException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checklist's points one by one, on plain metadata values. */
class ChecklistTest {
    static final FieldMapping MAPPING = FieldMapping.read(12, 7, Map.of("coursesales.field.first-name", "101",
            "coursesales.field.email", "103", "coursesales.fields.110", "city"), t -> e -> null);

    static Field field(int id, String name, boolean mandatory) {
        return new Field(id, name, name, "Text", "Active", mandatory, null);
    }

    static Form registration(String status, boolean published, String recordType, Field... fields) {
        return new Form(12, "Moodle registration", recordType, status, published, List.of(fields));
    }

    static final Form FORM = registration("Active", true, "Documents", field(101, "First name", true),
            field(103, "Email", true), field(110, "City", false));
    static final Form CONTACT = new Form(20, "Contact", "Contacts", "Active", true, List.of(field(201, "First name", true)));
    static final Process PROCESS = new Process(7, "Moodle enrolment", "Active", List.of(new Item(701, "Received", "Active")),
            List.of(new Item(751, "Standard", "Active")));

    static CourseSalesMetadata metadata(Form form, Form contact, Process process) {
        return new CourseSalesMetadata(form, contact, process, List.of(new Category(501, "Physics", "Active", 4)),
                List.of(), Instant.EPOCH);
    }

    private final Checklist checklist = new Checklist(MAPPING, IdentityStrategy.DOCUMENT_SOURCE_ID);

    private static List<String> codes(List<Problem> problems) {
        return problems.stream().map(Problem::code).toList();
    }

    @Test
    void theConfigurationPointsAreCheckedOncePerMetadataSnapshotAndAgainForEveryFetch() {
        CourseSalesMetadata cached = metadata(FORM, CONTACT, PROCESS);
        assertTrue(checklist.configurationUnchecked(cached));
        checklist.configurationHeld(cached);
        assertFalse(checklist.configurationUnchecked(cached));
        // fetched again (the cache's time-to-live, a refresh after a fault): checked again, even with the same values
        assertTrue(checklist.configurationUnchecked(metadata(FORM, CONTACT, PROCESS)));
        assertTrue(checklist.configurationUnchecked(null));
    }

    @Test
    void aHealthyLicencePassesEveryPoint() {
        CourseSalesMetadata m = metadata(FORM, CONTACT, PROCESS);
        for (List<Problem> point : List.of(checklist.registrationForm(m), checklist.fieldIds(m), checklist.fieldsActive(m),
                checklist.process(m), checklist.contactForm(m))) {
            assertEquals(List.of(), point);
        }
    }

    @Test
    void theRegistrationFormMustBeAnActivePublishedRegistrationForm() {
        List<Problem> p = checklist.registrationForm(metadata(registration("Draft", false, "Contacts"), CONTACT, PROCESS));
        assertEquals(List.of("FORM_INACTIVE", "FORM_NOT_PUBLISHED", "FORM_RECORD_TYPE"), codes(p));
        assertEquals("Form 12 'Moodle registration' (coursesales.form-id) has RecordType Contacts, not Documents",
                p.get(2).message());
    }

    @Test
    void everyMappedFieldIdIsOnTheFormAndNamedByItsProperty() {
        Form withoutCity = registration("Active", true, "Documents", field(101, "First name", true), field(103, "Email", true),
                field(109, "Date of birth", true));
        List<Problem> p = checklist.fieldIds(metadata(withoutCity, CONTACT, PROCESS));
        assertEquals(List.of("FIELD_NOT_FOUND", "MISSING_REQUIRED_VALUE"), codes(p));
        assertEquals("FieldId 110 (coursesales.fields.110 = city) is not on Form 12 'Moodle registration': correct"
                + " coursesales.fields.110 or add the field to the form in CourseSales", p.get(0).text());
        assertEquals("Mandatory FieldId 109 'Date of birth' of Form 12 'Moodle registration' gets no value from Moodle: make"
                + " it optional in CourseSales or map a Moodle value to it (coursesales.fields.109 = <source>)", p.get(1).text());
    }

    @Test
    void aMandatoryClientIdentifierFieldFoundByItsExportIdCountsAsMapped() {
        Form form = registration("Active", true, "Documents", field(101, "First name", true), field(103, "Email", true),
                field(110, "City", false), new Field(107, "Client id", "Client id", "Text", "Active", true,
                        "AVETMISS 7.0 Client Identifier"));
        CourseSalesMetadata m = metadata(form, CONTACT, PROCESS);
        assertEquals(List.of(), new Checklist(MAPPING, IdentityStrategy.USERNAME).fieldIds(m));
        assertEquals(List.of("MISSING_REQUIRED_VALUE"), codes(checklist.fieldIds(m)), "document-source-id fills no such field");
    }

    @Test
    void mappedFieldsMustBeActive() {
        Form form = registration("Active", true, "Documents", field(101, "First name", true), field(103, "Email", true),
                new Field(110, "City", "City", "Text", "Inactive", false, null));
        List<Problem> p = checklist.fieldsActive(metadata(form, CONTACT, PROCESS));
        assertEquals("FieldId 110 'City' (coursesales.fields.110 = city) on Form 12 'Moodle registration' is Inactive",
                p.get(0).message());
    }

    @Test
    void theProcessItselfMustBeActiveAsWellAsItsStepsAndPaths() {
        Process off = new Process(7, "Moodle enrolment", "Inactive", List.of(new Item(701, "Received", "Inactive")),
                List.of(new Item(751, "Standard", "Inactive")));
        List<Problem> p = checklist.process(metadata(FORM, CONTACT, off));
        assertEquals(List.of("PROCESS_INACTIVE", "PROCESS_STEP_INACTIVE", "PROCESS_PATH_INACTIVE"), codes(p));
        assertEquals("Process 7 'Moodle enrolment' (coursesales.process-id) is Inactive: The process is not Active: set"
                + " its status to Active under Processes in CourseSales.", p.get(0).text());
    }

    @Test
    void theContactFormMustBeAnActivePublishedContactForm() {
        Form contact = new Form(20, "Contact", "Documents", "Inactive", false, List.of(field(204, "Date of birth", true)));
        List<Problem> p = checklist.contactForm(metadata(FORM, contact, PROCESS));
        assertEquals(List.of("CONTACT_FORM_INACTIVE", "CONTACT_FORM_NOT_PUBLISHED", "CONTACT_FORM_RECORD_TYPE",
                "CONTACT_FORM_MANDATORY_FIELD"), codes(p));
        assertEquals(List.of(), checklist.contactForm(metadata(FORM, null, PROCESS)), "no contact form configured");
    }

    @Test
    void theCourseCategoryIsActiveAndCarriesTheMoodleCategory() {
        Enrolment e = new Enrolment(3, "u", "F", "L", "e@x", null, null, null, null, null, null, null, Map.of(), 2, "PHYS101",
                "P", "", 3, null, List.of(), null, null, "ws", null);
        CourseDate inPhysics = new CourseDate(9001, "d", null, LocalDate.of(2027, 2, 22), "Scheduled", true, 501, 2);
        CourseDate inArchived = new CourseDate(9002, "d", null, LocalDate.of(2027, 2, 22), "Scheduled", true, 503, 2);
        CourseSalesMetadata m = metadata(FORM, CONTACT, PROCESS);
        assertEquals(List.of("CATEGORY_MISMATCH"), codes(checklist.courseCategory(e, inPhysics, m)));
        assertEquals(List.of("CATEGORY_INACTIVE"), codes(checklist.courseCategory(e, inArchived, m)));
    }

    @Test
    void thePathsThrowWhatTheErrorHandlingExpects() {
        List<Problem> p = List.of(new Problem("FORM_INACTIVE", "Form 12 is Draft", "activate it"));
        assertEquals("FORM_INACTIVE", assertThrows(ConfigurationProblemException.class, () -> checklist.pauseFeed(p)).code());
        RecordRejectedException r = assertThrows(RecordRejectedException.class, () -> checklist.deadLetter(p));
        assertEquals("FORM_INACTIVE", r.code());
        assertEquals("Form 12 is Draft", r.reason());
    }
}
