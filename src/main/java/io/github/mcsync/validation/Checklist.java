package io.github.mcsync.validation;

import io.github.mcsync.coursesales.CourseSalesMetadata;
import io.github.mcsync.coursesales.CourseSalesMetadata.CourseDate;
import io.github.mcsync.coursesales.CourseSalesMetadata.Field;
import io.github.mcsync.coursesales.CourseSalesMetadata.Form;
import io.github.mcsync.coursesales.CourseSalesMetadata.Item;
import io.github.mcsync.enrolment.Enrolment;
import io.github.mcsync.enrolment.FieldMapping;
import io.github.mcsync.enrolment.FieldMapping.MappedField;
import io.github.mcsync.enrolment.identity.ClientIdField;
import io.github.mcsync.enrolment.identity.IdentityStrategy;
import io.github.mcsync.failure.ConfigurationProblemException;
import io.github.mcsync.failure.Problem;
import io.github.mcsync.failure.ReasonCode;
import io.github.mcsync.failure.RecordRejectedException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CourseSales' checklist for Moodle enrolments, one method per point, as routes/validate.camel.yaml and the preflight
 * run it. Each answers the problems it finds (none: the point holds). Configuration-level points (forms, field ids,
 * fields, process, contact form) give the same answer for every record; record-level ones (the course category of the
 * record's course date) are for one record. The course dates are linked by {@link io.github.mcsync.enrolment.CourseLinker}.
 */
public final class Checklist {
    static final String ACTIVE = "Active";
    static final String REGISTRATION_RECORD_TYPE = "Documents";
    static final String CONTACT_RECORD_TYPE = "Contacts";

    private final FieldMapping mapping;
    private final IdentityStrategy strategy;
    /** The metadata snapshot for which every configuration-level point held (the cache's current one, mostly). */
    private volatile CourseSalesMetadata configurationHeld;

    public Checklist(FieldMapping mapping, IdentityStrategy strategy) {
        this.mapping = mapping;
        this.strategy = strategy;
    }

    /**
     * False when every configuration-level point already held for this very metadata snapshot: they depend on it and
     * the configuration alone, so a record is not checked against them again until metadata is fetched again.
     */
    public boolean configurationUnchecked(CourseSalesMetadata m) {
        return m == null || m != configurationHeld;
    }

    /** Every configuration-level point held for this snapshot. */
    public void configurationHeld(CourseSalesMetadata m) {
        configurationHeld = m;
    }

    /** "Forms must be published" and Active: the registration form is Active, published and a registration form. */
    public List<Problem> registrationForm(CourseSalesMetadata m) {
        Form form = m.registrationForm();
        List<Problem> out = new ArrayList<>();
        if (!ACTIVE.equals(form.status())) {
            out.add(new Problem("FORM_INACTIVE", name(form) + " is " + form.status(),
                    "set its status to Active under Forms in CourseSales"));
        }
        if (!form.published()) {
            out.add(new Problem("FORM_NOT_PUBLISHED", name(form) + " is not published", "publish it under Forms in CourseSales"));
        }
        if (!REGISTRATION_RECORD_TYPE.equals(form.recordType())) {
            out.add(Problem.of(ReasonCode.FORM_RECORD_TYPE, name(form) + " (coursesales.form-id) has RecordType "
                    + form.recordType() + ", not " + REGISTRATION_RECORD_TYPE));
        }
        return out;
    }

    /**
     * "The plugins must be correctly configured with the correct Field Ids": every mapped FieldId is on the registration
     * form, every mandatory field gets a value, and the client identifier has its one field.
     */
    public List<Problem> fieldIds(CourseSalesMetadata m) {
        Form form = m.registrationForm();
        List<Problem> out = new ArrayList<>();
        for (MappedField f : mapping.fields()) {
            if (form.field(f.fieldId()).isEmpty()) {
                out.add(new Problem("FIELD_NOT_FOUND", "FieldId " + f.fieldId() + " (" + f.describe() + ") is not on "
                        + name(form), "correct " + f.property() + " or add the field to the form in CourseSales"));
            }
        }
        Set<Integer> mapped = mappedFieldIds(form);
        for (Field f : form.fields()) {
            if (f.mandatory() && ACTIVE.equals(f.status()) && !mapped.contains(f.fieldId())) {
                out.add(new Problem("MISSING_REQUIRED_VALUE", "Mandatory FieldId " + f.fieldId() + " '" + f.name() + "' of "
                        + name(form) + " gets no value from Moodle", "make it optional in CourseSales or map a Moodle value"
                        + " to it (" + FieldMapping.FIELDS_PREFIX + f.fieldId() + " = <source>)"));
            }
        }
        if (strategy.needsClientIdField()) {
            try {
                ClientIdField.resolve(mapping.clientIdFieldId(), form);
            } catch (ClientIdField.Unresolved e) {
                out.add(new Problem("CLIENT_ID_FIELD", "identity.strategy=" + strategy.property() + " needs a client identifier"
                        + " field, but " + e.getMessage(), "set " + FieldMapping.CLIENT_ID_PROPERTY
                        + " or the field's Internal Export Id"));
            }
        }
        return out;
    }

    /** "All ... fields ... must have an active status": every mapped field on the form is Active. */
    public List<Problem> fieldsActive(CourseSalesMetadata m) {
        Form form = m.registrationForm();
        List<Problem> out = new ArrayList<>();
        for (MappedField f : mapping.fields()) {
            form.field(f.fieldId()).filter(field -> !ACTIVE.equals(field.status())).ifPresent(field ->
                    out.add(new Problem("FIELD_INACTIVE", "FieldId " + f.fieldId() + " '" + field.name() + "' ("
                            + f.describe() + ") on " + name(form) + " is " + field.status(),
                            "set the field Active in CourseSales")));
        }
        return out;
    }

    /** "All ... process steps and process paths must have an active status", and the process itself. */
    public List<Problem> process(CourseSalesMetadata m) {
        var process = m.process();
        String processName = "Process " + process.processId() + " '" + process.name() + "'";
        List<Problem> out = new ArrayList<>();
        if (!ACTIVE.equals(process.status())) {
            out.add(Problem.of(ReasonCode.PROCESS_INACTIVE, processName + " (coursesales.process-id) is " + process.status()));
        }
        for (Item step : process.steps()) {
            if (!ACTIVE.equals(step.status())) {
                out.add(new Problem("PROCESS_STEP_INACTIVE", "Step " + step.id() + " '" + step.name() + "' of " + processName
                        + " is " + step.status(), "set the step Active under Processes in CourseSales"));
            }
        }
        for (Item path : process.paths()) {
            if (!ACTIVE.equals(path.status())) {
                out.add(new Problem("PROCESS_PATH_INACTIVE", "Path " + path.id() + " '" + path.name() + "' of " + processName
                        + " is " + path.status(), "set the path Active under Processes in CourseSales"));
            }
        }
        return out;
    }

    /**
     * "The Contact form (if used) must not have mandatory fields which are not mandatory on all other forms": it is an
     * Active, published contact form, and each of its mandatory fields is supplied by the mapping (directly, or by the
     * registration form's field of the same Name, as CourseSales' contact matching copies values).
     */
    public List<Problem> contactForm(CourseSalesMetadata m) {
        Form contact = m.contactForm();
        if (contact == null) {
            return List.of();
        }
        String contactName = "contact form " + contact.formId() + " '" + contact.name() + "'";
        List<Problem> out = new ArrayList<>();
        if (!ACTIVE.equals(contact.status())) {
            out.add(Problem.of(ReasonCode.CONTACT_FORM_INACTIVE, contactName + " is " + contact.status()));
        }
        if (!contact.published()) {
            out.add(Problem.of(ReasonCode.CONTACT_FORM_NOT_PUBLISHED, contactName + " is not published"));
        }
        if (!CONTACT_RECORD_TYPE.equals(contact.recordType())) {
            out.add(Problem.of(ReasonCode.CONTACT_FORM_RECORD_TYPE, contactName + " (coursesales.contact-form-id) has"
                    + " RecordType " + contact.recordType() + ", not " + CONTACT_RECORD_TYPE));
        }
        Form form = m.registrationForm();
        Set<Integer> mapped = mappedFieldIds(form);
        Set<String> suppliedNames = form.fields().stream().filter(f -> mapped.contains(f.fieldId()))
                .map(Field::name).collect(Collectors.toSet());
        for (Field f : contact.fields()) {
            if (f.mandatory() && ACTIVE.equals(f.status()) && !mapped.contains(f.fieldId()) && !suppliedNames.contains(f.name())) {
                out.add(new Problem("CONTACT_FORM_MANDATORY_FIELD", "Mandatory field " + f.fieldId() + " '" + f.name()
                        + "' of " + contactName + " is supplied by no mapped field", "make it optional on the contact form"
                        + " in CourseSales, or add and map a registration field named '" + f.name() + "'"));
            }
        }
        return out;
    }

    /**
     * "The CourseSales.com course categories must be active and have the correct Moodle Category Id set": the course
     * date's CourseCategoryId is an Active Course Category carrying the Moodle course's category id.
     */
    public List<Problem> courseCategory(Enrolment e, CourseDate date, CourseSalesMetadata m) {
        var category = m.category(date.courseCategoryId());
        if (category.isEmpty() || !ACTIVE.equals(category.get().status())) {
            return List.of(Problem.of(ReasonCode.CATEGORY_INACTIVE, "course date " + date.courseDateId() + " '" + date.name()
                    + "' is in course category " + date.courseCategoryId() + ", which is not an Active 'Course Category' option"));
        }
        Integer moodleCategory = category.get().moodleCategoryId();
        if (moodleCategory == null || moodleCategory != e.categoryId()) {
            return List.of(Problem.of(ReasonCode.CATEGORY_MISMATCH, "course category " + category.get().optionId() + " '"
                    + category.get().name() + "' has Moodle Category Id " + moodleCategory + ", but Moodle course "
                    + e.courseId() + " (" + e.courseShortname() + ") is in Moodle category " + e.categoryId()));
        }
        return List.of();
    }

    /** The pause path: the feed pauses before this record; nothing is consumed or dead-lettered. */
    public void pauseFeed(List<Problem> problems) {
        throw new ConfigurationProblemException(problems);
    }

    /** The dead-letter path: this record is dead-lettered with the first problem's reason code; the feed goes on. */
    public void deadLetter(List<Problem> problems) {
        throw new RecordRejectedException(problems.get(0).code(), problems.get(0).message());
    }

    /** The FieldIds that get a value: the mapped ones, and the client identifier's field found on the form. */
    private Set<Integer> mappedFieldIds(Form form) {
        Set<Integer> ids = mapping.fields().stream().map(MappedField::fieldId).collect(Collectors.toCollection(HashSet::new));
        if (strategy.needsClientIdField()) {
            try {
                ids.add(ClientIdField.resolve(mapping.clientIdFieldId(), form));
            } catch (ClientIdField.Unresolved e) {
                // reported by fieldIds
            }
        }
        return ids;
    }

    private static String name(Form form) {
        return "Form " + form.formId() + " '" + form.name() + "'";
    }
}
