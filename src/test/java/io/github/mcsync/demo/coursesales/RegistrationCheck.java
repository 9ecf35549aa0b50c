package io.github.mcsync.demo.coursesales;

import static io.github.mcsync.demo.coursesales.CourseSalesState.ACTIVE;
import static io.github.mcsync.demo.coursesales.CourseSalesState.SCHEDULED;
import static io.github.mcsync.demo.coursesales.FaultCodes.COURSE_DATE_NOT_ACTIVE;
import static io.github.mcsync.demo.coursesales.FaultCodes.COURSE_DATE_NOT_FOUND;
import static io.github.mcsync.demo.coursesales.FaultCodes.FIELD_INACTIVE;
import static io.github.mcsync.demo.coursesales.FaultCodes.FIELD_NOT_FOUND;
import static io.github.mcsync.demo.coursesales.FaultCodes.FORM_INACTIVE;
import static io.github.mcsync.demo.coursesales.FaultCodes.FORM_NOT_FOUND;
import static io.github.mcsync.demo.coursesales.FaultCodes.FORM_NOT_PUBLISHED;
import static io.github.mcsync.demo.coursesales.FaultCodes.INVALID_VALUE;
import static io.github.mcsync.demo.coursesales.FaultCodes.MANDATORY_FIELD_MISSING;
import static io.github.mcsync.demo.coursesales.FaultCodes.PROCESS_NOT_FOUND;
import static io.github.mcsync.demo.coursesales.FaultCodes.PROCESS_PATH_INACTIVE;
import static io.github.mcsync.demo.coursesales.FaultCodes.PROCESS_STEP_INACTIVE;
import static io.github.mcsync.demo.coursesales.Faults.fault;

import io.github.mcsync.coursesales.soap.CourseSalesFault_Exception;
import io.github.mcsync.coursesales.soap.FieldValueRecord;
import io.github.mcsync.coursesales.soap.SubmitRegistration;
import io.github.mcsync.demo.coursesales.CourseSalesState.CourseDate;
import io.github.mcsync.demo.coursesales.CourseSalesState.Field;
import io.github.mcsync.demo.coursesales.CourseSalesState.Form;
import io.github.mcsync.demo.coursesales.CourseSalesState.Item;
import io.github.mcsync.demo.coursesales.CourseSalesState.Process;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SubmitRegistration's checks, in the contract's order (after the login): form, process, course date,
 * each FieldValue, SourceReference, mandatory fields of the form and of the contact form. Returns the
 * values to store, exactly as received. The caller holds the state's monitor.
 */
final class RegistrationCheck {

    static final int MAX_VALUE_LENGTH = 255;
    static final int MAX_LONG_TEXT_LENGTH = 65_535;
    static final int MAX_SOURCE_REFERENCE_LENGTH = 100;

    private RegistrationCheck() {
    }

    static Map<Integer, String> check(CourseSalesState s, SubmitRegistration r) throws CourseSalesFault_Exception {
        Form form = checkForm(s, r.getFormId());
        checkProcess(s, r.getProcessId());
        checkCourseDate(s, r.getCourseDateId());
        Form contactForm = s.contactFormId == null ? null : s.forms.get(s.contactFormId);
        Map<Integer, String> values = new LinkedHashMap<>();
        for (FieldValueRecord fv : r.getFieldValue()) {
            Field field = form.fields.get(fv.getFieldId());
            if (field == null && contactForm != null) {
                field = contactForm.fields.get(fv.getFieldId());
            }
            if (field == null) {
                throw fault(FIELD_NOT_FOUND, "FieldId " + fv.getFieldId() + " is not on FormId " + form.id
                        + (contactForm == null ? "" : " or the contact FormId " + contactForm.id));
            }
            if (!ACTIVE.equals(field.status)) {
                throw fault(FIELD_INACTIVE, "FieldId " + field.id + " (" + field.name + ") is " + field.status);
            }
            String value = fv.getValue() == null ? "" : fv.getValue();
            int length = value.codePointCount(0, value.length());
            if (length > maxLength(field)) {
                throw fault(INVALID_VALUE, "FieldId " + field.id + ": the value has " + length
                        + " characters, at most " + maxLength(field) + " are allowed");
            }
            if (values.put(field.id, value) != null) {
                throw fault(INVALID_VALUE, "FieldId " + field.id + " is given more than once");
            }
        }
        checkSourceReference(r.getSourceReference());
        checkMandatory(form, form, values);
        if (contactForm != null) {
            checkMandatory(contactForm, form, values);
        }
        return values;
    }

    private static Form checkForm(CourseSalesState s, int formId) throws CourseSalesFault_Exception {
        Form form = s.forms.get(formId);
        if (form == null) {
            throw fault(FORM_NOT_FOUND, "FormId " + formId + " does not exist");
        }
        if (!ACTIVE.equals(form.status)) {
            throw fault(FORM_INACTIVE, "FormId " + formId + " is " + form.status + ", not Active");
        }
        if (!form.published) {
            throw fault(FORM_NOT_PUBLISHED, "FormId " + formId + " is not published");
        }
        return form;
    }

    private static void checkProcess(CourseSalesState s, int processId) throws CourseSalesFault_Exception {
        Process process = s.processes.get(processId);
        if (process == null) {
            throw fault(PROCESS_NOT_FOUND, "ProcessId " + processId + " does not exist");
        }
        for (Item step : process.steps.values()) {
            if (!ACTIVE.equals(step.status)) {
                throw fault(PROCESS_STEP_INACTIVE, "StepId " + step.id + " (" + step.name + ") of ProcessId "
                        + processId + " is " + step.status);
            }
        }
        for (Item path : process.paths.values()) {
            if (!ACTIVE.equals(path.status)) {
                throw fault(PROCESS_PATH_INACTIVE, "PathId " + path.id + " (" + path.name + ") of ProcessId "
                        + processId + " is " + path.status);
            }
        }
    }

    private static void checkCourseDate(CourseSalesState s, int courseDateId) throws CourseSalesFault_Exception {
        CourseDate cd = s.courseDates.get(courseDateId);
        if (cd == null) {
            throw fault(COURSE_DATE_NOT_FOUND, "CourseDateId " + courseDateId + " does not exist");
        }
        if (!SCHEDULED.equals(cd.status) || !cd.isPublic) {
            throw fault(COURSE_DATE_NOT_ACTIVE, "CourseDateId " + courseDateId + " is " + cd.status
                    + (cd.isPublic ? "" : " and not Public") + "; it must be Scheduled and Public");
        }
    }

    private static void checkSourceReference(String ref) throws CourseSalesFault_Exception {
        if (ref == null) {
            throw fault(INVALID_VALUE, "SourceReference is missing");
        }
        int length = ref.codePointCount(0, ref.length());
        if (length > MAX_SOURCE_REFERENCE_LENGTH) {
            throw fault(INVALID_VALUE, "SourceReference has " + length + " characters, at most "
                    + MAX_SOURCE_REFERENCE_LENGTH + " are allowed");
        }
    }

    /**
     * Every active mandatory field of {@code form} has a value. A contact form's field is also satisfied by the
     * registration form's field of the same Name (contact matching copies registration values by name).
     */
    private static void checkMandatory(Form form, Form registrationForm, Map<Integer, String> values)
            throws CourseSalesFault_Exception {
        for (Field field : form.fields.values()) {
            if (field.mandatory && ACTIVE.equals(field.status)) {
                String value = values.get(field.id);
                if ((value == null || value.isBlank()) && form != registrationForm) {
                    value = registrationForm.fields.values().stream().filter(f -> f.name.equals(field.name))
                            .map(f -> values.get(f.id)).filter(v -> v != null).findFirst().orElse(null);
                }
                if (value == null || value.isBlank()) {
                    throw fault(MANDATORY_FIELD_MISSING, "Mandatory FieldId " + field.id + " (" + field.name
                            + ") of FormId " + form.id + " has no value");
                }
            }
        }
    }

    /** 255 characters unless the field's type says otherwise (Textarea holds long text). */
    static int maxLength(Field field) {
        return "Textarea".equalsIgnoreCase(field.type) ? MAX_LONG_TEXT_LENGTH : MAX_VALUE_LENGTH;
    }
}
