package io.github.mcsync.coursesales;

import io.github.mcsync.enrolment.Registration;
import io.github.mcsync.coursesales.soap.FieldValueRecord;
import io.github.mcsync.coursesales.soap.FindDocuments;
import io.github.mcsync.coursesales.soap.GetCourseDates;
import io.github.mcsync.coursesales.soap.GetForm;
import io.github.mcsync.coursesales.soap.GetOptions;
import io.github.mcsync.coursesales.soap.GetProcess;
import io.github.mcsync.coursesales.soap.SubmitRegistration;

/**
 * Builds the SOAP request objects (generated JAXB types). Every request starts with the login, which only
 * this class holds; the generated types never reach a log or a dead letter.
 */
public final class CourseSalesRequests {
    public static final String COURSE_CATEGORY = "Course Category";
    public static final String COURSE_DATE_LIST = "CourseDateList";

    private final String username;
    private final String password;

    public CourseSalesRequests(String username, String password) {
        this.username = username;
        this.password = password;
    }

    public GetForm getForm(int formId) {
        GetForm r = new GetForm();
        r.setLoginUsername(username);
        r.setLoginPassword(password);
        r.setFormId(formId);
        return r;
    }

    public GetProcess getProcess(int processId) {
        GetProcess r = new GetProcess();
        r.setLoginUsername(username);
        r.setLoginPassword(password);
        r.setProcessId(processId);
        return r;
    }

    public GetOptions getCourseCategories() {
        GetOptions r = new GetOptions();
        r.setLoginUsername(username);
        r.setLoginPassword(password);
        r.getOptionType().add(COURSE_CATEGORY);
        r.setOptionSoapDetail("All");
        return r;
    }

    public GetCourseDates getCourseDates() {
        GetCourseDates r = new GetCourseDates();
        r.setLoginUsername(username);
        r.setLoginPassword(password);
        r.getCourseDateType().add(COURSE_DATE_LIST);
        return r;
    }

    public FindDocuments findBySourceReference(String sourceReference) {
        FindDocuments r = new FindDocuments();
        r.setLoginUsername(username);
        r.setLoginPassword(password);
        r.setSourceReference(sourceReference);
        return r;
    }

    public SubmitRegistration submit(Registration registration) {
        SubmitRegistration r = new SubmitRegistration();
        r.setLoginUsername(username);
        r.setLoginPassword(password);
        r.setFormId(registration.formId());
        r.setProcessId(registration.processId());
        r.setCourseDateId(registration.courseDateId());
        r.setDocumentSourceId(registration.documentSourceId());
        r.setSourceReference(registration.sourceReference());
        for (Registration.FieldValue v : registration.fieldValues()) {
            FieldValueRecord fv = new FieldValueRecord();
            fv.setFieldId(v.fieldId());
            fv.setValue(v.value());
            r.getFieldValue().add(fv);
        }
        return r;
    }

    /** The SOAP operation name of a request object (its element name). */
    public static String operationOf(Object request) {
        return request.getClass().getSimpleName();
    }
}
