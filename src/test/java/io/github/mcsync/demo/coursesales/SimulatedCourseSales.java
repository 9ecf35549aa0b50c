package io.github.mcsync.demo.coursesales;

import static io.github.mcsync.demo.coursesales.CourseSalesState.ACTIVE;
import static io.github.mcsync.demo.coursesales.CourseSalesState.SCHEDULED;
import static io.github.mcsync.demo.coursesales.FaultCodes.INVALID_VALUE;
import static io.github.mcsync.demo.coursesales.Faults.fault;

import io.github.mcsync.coursesales.soap.CourseDateRecord;
import io.github.mcsync.coursesales.soap.CourseSalesFault_Exception;
import io.github.mcsync.coursesales.soap.CourseSalesPortType;
import io.github.mcsync.coursesales.soap.DocumentRecord;
import io.github.mcsync.coursesales.soap.FieldRecord;
import io.github.mcsync.coursesales.soap.FindDocuments;
import io.github.mcsync.coursesales.soap.FindDocumentsResponse;
import io.github.mcsync.coursesales.soap.FormRecord;
import io.github.mcsync.coursesales.soap.GetCourseDates;
import io.github.mcsync.coursesales.soap.GetCourseDatesResponse;
import io.github.mcsync.coursesales.soap.GetForm;
import io.github.mcsync.coursesales.soap.GetFormResponse;
import io.github.mcsync.coursesales.soap.GetOptions;
import io.github.mcsync.coursesales.soap.GetOptionsResponse;
import io.github.mcsync.coursesales.soap.GetProcess;
import io.github.mcsync.coursesales.soap.GetProcessResponse;
import io.github.mcsync.coursesales.soap.OptionRecord;
import io.github.mcsync.coursesales.soap.PathRecord;
import io.github.mcsync.coursesales.soap.ProcessRecord;
import io.github.mcsync.coursesales.soap.StepRecord;
import io.github.mcsync.coursesales.soap.SubmitRegistration;
import io.github.mcsync.coursesales.soap.SubmitRegistrationResponse;
import io.github.mcsync.coursesales.soap.UpdateDocumentStatus;
import io.github.mcsync.coursesales.soap.UpdateDocumentStatusResponse;
import io.github.mcsync.demo.coursesales.CourseSalesState.CourseDate;
import io.github.mcsync.demo.coursesales.CourseSalesState.Field;
import io.github.mcsync.demo.coursesales.CourseSalesState.Form;
import io.github.mcsync.demo.coursesales.CourseSalesState.Item;
import io.github.mcsync.demo.coursesales.CourseSalesState.Option;
import io.github.mcsync.demo.coursesales.CourseSalesState.Process;
import jakarta.jws.WebService;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The CourseSalesPortType implementation behind the simulator: the contract's rules over {@link CourseSalesState}. */
@WebService(endpointInterface = "io.github.mcsync.coursesales.soap.CourseSalesPortType",
        serviceName = "CourseSalesService", portName = "CourseSalesPort",
        targetNamespace = "urn:coursesales:webservices:v1", wsdlLocation = "classpath:wsdl/coursesales.wsdl")
public class SimulatedCourseSales implements CourseSalesPortType {

    /** Set by the simulator's front on a request that must answer an injected fault (never from outside). */
    static final String INJECTED_FAULT_HEADER = "X-CourseSales-Simulator-Fault";

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedCourseSales.class);
    private static final Set<String> COURSE_DATE_TYPES = Set.of("ActiveYearMonth", "CourseDateList",
            "CourseDateFiles", "CourseDateLocationCheapest", "CourseDateLocationNext", "CourseDateMap");
    private static final DatatypeFactory DATES = DatatypeFactory.newDefaultInstance();

    private final CourseSalesState state;

    SimulatedCourseSales(CourseSalesState state) {
        this.state = state;
    }

    @Override
    public GetCourseDatesResponse getCourseDates(GetCourseDates req) throws CourseSalesFault_Exception {
        guard(req.getLoginUsername(), req.getLoginPassword());
        if (req.getCourseDateType().isEmpty() || !COURSE_DATE_TYPES.containsAll(req.getCourseDateType())) {
            throw fault(INVALID_VALUE, "CourseDateType must be one or more of " + COURSE_DATE_TYPES);
        }
        GetCourseDatesResponse res = new GetCourseDatesResponse();
        synchronized (state) {
            for (CourseDate cd : state.courseDates.values()) {
                boolean listed = SCHEDULED.equals(cd.status) && cd.isPublic
                        && ACTIVE.equals(state.courseMasterStatus.getOrDefault(cd.courseMasterId, ACTIVE));
                if (listed && (req.getMoodleId() == null || req.getMoodleId().equals(cd.moodleId))) {
                    res.getCourseDate().add(toRecord(cd));
                }
            }
        }
        return res;
    }

    @Override
    public GetOptionsResponse getOptions(GetOptions req) throws CourseSalesFault_Exception {
        guard(req.getLoginUsername(), req.getLoginPassword());
        String detail = req.getOptionSoapDetail();
        if (!"Names".equals(detail) && !"All".equals(detail)) {
            throw fault(INVALID_VALUE, "OptionSoapDetail must be Names or All");
        }
        GetOptionsResponse res = new GetOptionsResponse();
        synchronized (state) {
            for (Option o : state.options.values()) {
                if (ACTIVE.equals(o.status) && req.getOptionType().contains(o.type)) {
                    res.getOption().add(toRecord(o, "All".equals(detail)));
                }
            }
        }
        return res;
    }

    @Override
    public GetFormResponse getForm(GetForm req) throws CourseSalesFault_Exception {
        guard(req.getLoginUsername(), req.getLoginPassword());
        GetFormResponse res = new GetFormResponse();
        synchronized (state) {
            Form form = state.forms.get(req.getFormId());
            if (form == null) {
                throw fault(FaultCodes.FORM_NOT_FOUND, "FormId " + req.getFormId() + " does not exist");
            }
            res.setForm(toRecord(form));
        }
        return res;
    }

    @Override
    public GetProcessResponse getProcess(GetProcess req) throws CourseSalesFault_Exception {
        guard(req.getLoginUsername(), req.getLoginPassword());
        GetProcessResponse res = new GetProcessResponse();
        synchronized (state) {
            Process p = state.processes.get(req.getProcessId());
            if (p == null) {
                throw fault(FaultCodes.PROCESS_NOT_FOUND, "ProcessId " + req.getProcessId() + " does not exist");
            }
            res.setProcess(toRecord(p));
        }
        return res;
    }

    @Override
    public SubmitRegistrationResponse submitRegistration(SubmitRegistration req) throws CourseSalesFault_Exception {
        guard(req.getLoginUsername(), req.getLoginPassword());
        StoredDocument doc;
        synchronized (state) {
            Map<Integer, String> values = RegistrationCheck.check(state, req);
            doc = state.store(req.getFormId(), req.getProcessId(), req.getCourseDateId(),
                    Objects.requireNonNullElse(req.getDocumentSourceId(), ""), req.getSourceReference(), values);
        }
        LOG.info("SubmitRegistration stored {} (DocumentId {}) for CourseDateId {}, SourceReference {}",
                doc.documentExternalId(), doc.documentId(), doc.courseDateId(), doc.sourceReference());
        SubmitRegistrationResponse res = new SubmitRegistrationResponse();
        res.setDocumentId(doc.documentId());
        res.setDocumentExternalId(doc.documentExternalId());
        res.setContactId(doc.contactId());
        return res;
    }

    @Override
    public FindDocumentsResponse findDocuments(FindDocuments req) throws CourseSalesFault_Exception {
        guard(req.getLoginUsername(), req.getLoginPassword());
        if (req.getSourceReference() == null && req.getDocumentSourceId() == null && req.getCourseDateId() == null) {
            throw fault(INVALID_VALUE, "FindDocuments needs at least one of SourceReference, DocumentSourceId, CourseDateId");
        }
        FindDocumentsResponse res = new FindDocumentsResponse();
        for (StoredDocument d : state.documents()) {
            if (matches(req.getSourceReference(), d.sourceReference())
                    && matches(req.getDocumentSourceId(), d.documentSourceId())
                    && matches(req.getCourseDateId(), d.courseDateId())) {
                res.getDocument().add(toRecord(d));
            }
        }
        return res;
    }

    @Override
    public UpdateDocumentStatusResponse updateDocumentStatus(UpdateDocumentStatus req) throws CourseSalesFault_Exception {
        guard(req.getLoginUsername(), req.getLoginPassword());
        if (!"Documents".equals(req.getStatusTableName())) {
            throw fault(INVALID_VALUE, "StatusTableName must be Documents");
        }
        synchronized (state) {
            StoredDocument doc = state.documentByExternalId(req.getDocumentExternalId());
            if (doc == null) {
                throw fault(INVALID_VALUE, "DocumentExternalId " + req.getDocumentExternalId() + " does not exist");
            }
            Process p = state.processes.get(doc.processId());
            if (p == null || !p.steps.containsKey(req.getStatusStepId())) {
                throw fault(INVALID_VALUE, "StatusStepId " + req.getStatusStepId() + " is not a step of ProcessId "
                        + doc.processId());
            }
            state.replace(doc.withStatusStep(req.getStatusStepId()));
        }
        UpdateDocumentStatusResponse res = new UpdateDocumentStatusResponse();
        res.setDocumentExternalId(req.getDocumentExternalId());
        res.setStatusStepId(req.getStatusStepId());
        return res;
    }

    // ----- login and injected faults -----

    private void guard(String username, String password) throws CourseSalesFault_Exception {
        String injected = injectedFault();
        if (injected != null) {
            throw fault(injected, FaultCodes.defaultMessage(injected));
        }
        String refused = state.login(username, password);
        if (refused != null) {
            LOG.warn("CourseSales simulator refused login '{}': {}", username, refused);
            throw fault(refused, FaultCodes.defaultMessage(refused));
        }
    }

    @SuppressWarnings("unchecked")
    private static String injectedFault() {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        Object headers = message == null ? null : message.get(Message.PROTOCOL_HEADERS);
        if (!(headers instanceof Map)) {
            return null;
        }
        for (Map.Entry<String, List<String>> e : ((Map<String, List<String>>) headers).entrySet()) {
            if (INJECTED_FAULT_HEADER.equalsIgnoreCase(e.getKey()) && e.getValue() != null && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    private static boolean matches(Object criterion, Object value) {
        return criterion == null || criterion.equals(value);
    }

    // ----- state to generated JAXB types -----

    private static CourseDateRecord toRecord(CourseDate cd) {
        CourseDateRecord r = new CourseDateRecord();
        r.setCourseDateId(cd.id);
        r.setCourseMasterId(cd.courseMasterId);
        r.setName(cd.name);
        r.setCode(cd.code);
        r.setStartDate(date(cd.startDate));
        r.setEndDate(cd.endDate == null ? null : date(cd.endDate));
        r.setStatus(cd.status);
        r.setPublic(cd.isPublic);
        r.setCourseCategoryId(cd.courseCategoryId);
        r.setMoodleId(cd.moodleId);
        return r;
    }

    private static OptionRecord toRecord(Option o, boolean all) {
        OptionRecord r = new OptionRecord();
        r.setOptionId(o.id);
        r.setOptionType(o.type);
        r.setName(o.name);
        r.setDepth(o.depth);
        r.setParentId(o.parentId);
        r.setStatus(o.status);
        r.setMoodleCategoryId(o.moodleCategoryId);
        r.setFormId(all ? o.formId : null);
        return r;
    }

    private static FormRecord toRecord(Form form) {
        FormRecord r = new FormRecord();
        r.setFormId(form.id);
        r.setName(form.name);
        r.setRecordType(form.recordType);
        r.setStatus(form.status);
        r.setPublished(form.published);
        for (Field f : form.fields.values()) {
            FieldRecord fr = new FieldRecord();
            fr.setFieldId(f.id);
            fr.setName(f.name);
            fr.setLabel(f.label);
            fr.setType(f.type);
            fr.setStatus(f.status);
            fr.setMandatory(f.mandatory);
            fr.setInternalExportId(f.internalExportId);
            r.getField().add(fr);
        }
        return r;
    }

    private static ProcessRecord toRecord(Process p) {
        ProcessRecord r = new ProcessRecord();
        r.setProcessId(p.id);
        r.setName(p.name);
        r.setStatus(p.status);
        for (Item s : p.steps.values()) {
            StepRecord sr = new StepRecord();
            sr.setStepId(s.id);
            sr.setName(s.name);
            sr.setStatus(s.status);
            r.getStep().add(sr);
        }
        for (Item s : p.paths.values()) {
            PathRecord pr = new PathRecord();
            pr.setPathId(s.id);
            pr.setName(s.name);
            pr.setStatus(s.status);
            r.getPath().add(pr);
        }
        return r;
    }

    private static DocumentRecord toRecord(StoredDocument d) {
        DocumentRecord r = new DocumentRecord();
        r.setDocumentId(d.documentId());
        r.setDocumentExternalId(d.documentExternalId());
        r.setCourseDateId(d.courseDateId());
        r.setDocumentSourceId(d.documentSourceId());
        r.setSourceReference(d.sourceReference());
        r.setStatusStepId(d.statusStepId());
        return r;
    }

    private static XMLGregorianCalendar date(LocalDate d) {
        return DATES.newXMLGregorianCalendarDate(d.getYear(), d.getMonthValue(), d.getDayOfMonth(),
                DatatypeConstants.FIELD_UNDEFINED);
    }
}
