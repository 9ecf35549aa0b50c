package io.github.mcsync.demo.coursesales;

import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mcsync.coursesales.soap.CourseDateRecord;
import io.github.mcsync.coursesales.soap.CourseSalesFault_Exception;
import io.github.mcsync.coursesales.soap.CourseSalesPortType;
import io.github.mcsync.coursesales.soap.CourseSalesService;
import io.github.mcsync.coursesales.soap.DocumentRecord;
import io.github.mcsync.coursesales.soap.FieldRecord;
import io.github.mcsync.coursesales.soap.FieldValueRecord;
import io.github.mcsync.coursesales.soap.FindDocuments;
import io.github.mcsync.coursesales.soap.FormRecord;
import io.github.mcsync.coursesales.soap.GetCourseDates;
import io.github.mcsync.coursesales.soap.GetForm;
import io.github.mcsync.coursesales.soap.GetOptions;
import io.github.mcsync.coursesales.soap.GetProcess;
import io.github.mcsync.coursesales.soap.OptionRecord;
import io.github.mcsync.coursesales.soap.ProcessRecord;
import io.github.mcsync.coursesales.soap.SubmitRegistration;
import io.github.mcsync.coursesales.soap.SubmitRegistrationResponse;
import io.github.mcsync.coursesales.soap.UpdateDocumentStatus;
import io.github.mcsync.coursesales.soap.UpdateDocumentStatusResponse;
import jakarta.xml.ws.WebServiceException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transport.http.HTTPException;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator through a real generated CXF JAX-WS client over HTTP (and raw HTTP for wire checks). */
class CourseSalesSimulatorTest {

    private CourseSalesSimulator sim;
    private CourseSalesPortType port;

    @BeforeEach
    void start() {
        sim = CourseSalesSimulator.withDemoData().start(0);
        port = client(sim.url(), 5_000);
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    // ----- happy paths -----

    @Test
    void getCourseDatesListsOnlyScheduledPublicDatesOnActiveMasters() throws Exception {
        List<CourseDateRecord> all = port.getCourseDates(courseDates(null)).getCourseDate();
        assertEquals(List.of(COURSE_DATE_PHYS101, COURSE_DATE_PHYS301, COURSE_DATE_FR101),
                all.stream().map(CourseDateRecord::getCourseDateId).toList());
        CourseDateRecord phys101 = all.get(0);
        assertEquals("PHYS101-2026", phys101.getCode());
        assertEquals("2027-02-22", phys101.getStartDate().toXMLFormat());
        assertEquals(CATEGORY_PHYSICS, phys101.getCourseCategoryId());
        assertEquals(2, phys101.getMoodleId());
        assertNull(all.get(1).getMoodleId());
        assertEquals("CodeA", all.get(1).getCode());

        assertEquals(List.of(COURSE_DATE_PHYS101), ids(port.getCourseDates(courseDates(2)).getCourseDate()));
        assertEquals(List.of(COURSE_DATE_FR101), ids(port.getCourseDates(courseDates(4)).getCourseDate()));
        assertEquals(List.of(), ids(port.getCourseDates(courseDates(5)).getCourseDate()));

        sim.setCourseMasterStatus(MASTER_PHYS101, "Inactive");
        sim.setCourseDatePublic(COURSE_DATE_FR101, false);
        assertEquals(List.of(COURSE_DATE_PHYS301), ids(port.getCourseDates(courseDates(null)).getCourseDate()));
        sim.setCourseDateMoodleId(COURSE_DATE_PHYS301, 3);
        sim.setCourseDateCode(COURSE_DATE_PHYS301, "CODEB");
        CourseDateRecord phys301 = port.getCourseDates(courseDates(3)).getCourseDate().get(0);
        assertEquals("CODEB", phys301.getCode());
    }

    @Test
    void getOptionsReturnsActiveOptionsOfTheRequestedTypes() throws Exception {
        List<OptionRecord> all = port.getOptions(options("All", COURSE_CATEGORY)).getOption();
        assertEquals(List.of(CATEGORY_PHYSICS, CATEGORY_LANGUAGES), all.stream().map(OptionRecord::getOptionId).toList());
        assertEquals("Science — Physics", all.get(0).getName());
        assertEquals(MOODLE_CATEGORY_PHYSICS, all.get(0).getMoodleCategoryId());
        assertEquals(REGISTRATION_FORM_ID, all.get(0).getFormId());
        assertEquals(1, all.get(0).getDepth());
        assertNull(all.get(0).getParentId());

        List<OptionRecord> names = port.getOptions(options("Names", COURSE_CATEGORY)).getOption();
        assertNull(names.get(0).getFormId());
        assertEquals(List.of(CATEGORY_PHYSICS, CATEGORY_LANGUAGES, LOCATION_CAMPUS), port.getOptions(
                options("Names", COURSE_LOCATION, COURSE_CATEGORY)).getOption().stream()
                .map(OptionRecord::getOptionId).toList());
        assertEquals(List.of(LOCATION_CAMPUS), port.getOptions(options("Names", COURSE_LOCATION)).getOption()
                .stream().map(OptionRecord::getOptionId).toList());

        sim.setOptionStatus(CATEGORY_LANGUAGES, "Inactive");
        sim.setCategoryMoodleId(CATEGORY_PHYSICS, 9);
        List<OptionRecord> after = port.getOptions(options("All", COURSE_CATEGORY)).getOption();
        assertEquals(1, after.size());
        assertEquals(9, after.get(0).getMoodleCategoryId());
        assertFault("INVALID_VALUE", () -> port.getOptions(options("Everything", COURSE_CATEGORY)));
    }

    @Test
    void getFormAndGetProcess() throws Exception {
        FormRecord form = port.getForm(form(REGISTRATION_FORM_ID)).getForm();
        assertEquals("Moodle registration", form.getName());
        assertEquals("Documents", form.getRecordType());
        assertTrue(form.isPublished());
        assertEquals(List.of(101, 102, 103, 104, 105, 106, 107, 108, 110, 111),
                form.getField().stream().map(FieldRecord::getFieldId).toList());
        FieldRecord clientId = form.getField().get(6);
        assertEquals(CLIENT_ID_EXPORT_ID, clientId.getInternalExportId());
        assertFalse(clientId.isMandatory());
        assertTrue(form.getField().get(0).isMandatory());
        assertNull(form.getField().get(0).getInternalExportId());
        assertEquals("Contacts", port.getForm(form(CONTACT_FORM_ID)).getForm().getRecordType());
        assertFault("FORM_NOT_FOUND", () -> port.getForm(form(999)));

        ProcessRecord process = port.getProcess(process(PROCESS_ID)).getProcess();
        assertEquals("Moodle enrolment", process.getName());
        assertEquals(3, process.getStep().size());
        assertEquals(2, process.getPath().size());
        assertFault("PROCESS_NOT_FOUND", () -> port.getProcess(process(99)));
    }

    @Test
    void submitFindAndUpdateStatus() throws Exception {
        SubmitRegistrationResponse res = port.submitRegistration(registration("moodle:ue:1", "3"));
        assertEquals(1, res.getDocumentId());
        assertEquals("DOC-000001", res.getDocumentExternalId());
        assertNotNull(res.getContactId());
        SubmitRegistrationResponse second = port.submitRegistration(registration("moodle:ue:2", "3"));
        assertEquals("DOC-000002", second.getDocumentExternalId());
        assertEquals(res.getContactId(), second.getContactId(), "same person, same contact");

        List<DocumentRecord> found = port.findDocuments(find("moodle:ue:1", null, null)).getDocument();
        assertEquals(1, found.size());
        assertEquals(STEP_RECEIVED, found.get(0).getStatusStepId());
        assertEquals("3", found.get(0).getDocumentSourceId());
        assertEquals(2, port.findDocuments(find(null, "3", COURSE_DATE_PHYS101)).getDocument().size());
        assertEquals(0, port.findDocuments(find("moodle:ue:1", "4", null)).getDocument().size());
        assertEquals(0, port.findDocuments(find("MOODLE:UE:1", null, null)).getDocument().size());
        assertFault("INVALID_VALUE", () -> port.findDocuments(find(null, null, null)));

        UpdateDocumentStatusResponse updated = port.updateDocumentStatus(update("DOC-000001", STEP_COMPLETED));
        assertEquals(STEP_COMPLETED, updated.getStatusStepId());
        assertEquals(STEP_COMPLETED, sim.documents().get(0).statusStepId());
        assertFault("INVALID_VALUE", () -> port.updateDocumentStatus(update("DOC-999999", STEP_COMPLETED)));
        assertFault("INVALID_VALUE", () -> port.updateDocumentStatus(update("DOC-000001", 4242)));

        StoredDocument doc = sim.documents().get(0);
        assertEquals(REGISTRATION_FORM_ID, doc.formId());
        assertEquals(PROCESS_ID, doc.processId());
        assertEquals(COURSE_DATE_PHYS101, doc.courseDateId());
        assertEquals("moodle:ue:1", doc.sourceReference());
        assertEquals(List.of(101, 102, 103, 201, 202, 203), List.copyOf(doc.fieldValues().keySet()));
        assertEquals(2, sim.callCount("SubmitRegistration"));
    }

    // ----- SubmitRegistration checks, one broken thing at a time -----

    @Test
    void submitRegistrationChecksInContractOrder() throws Exception {
        SubmitRegistration bad = registration("r", "3");
        bad.setFormId(999);
        assertFault("FORM_NOT_FOUND", () -> port.submitRegistration(bad));

        sim.setFormPublished(REGISTRATION_FORM_ID, false);
        SubmitRegistration alsoBadField = registration("r", "3");
        alsoBadField.getFieldValue().add(value(999, "x"));
        assertFault("FORM_NOT_PUBLISHED", () -> port.submitRegistration(alsoBadField));
        sim.setFormPublished(REGISTRATION_FORM_ID, true);
        sim.setFormStatus(REGISTRATION_FORM_ID, "Inactive");
        assertFault("FORM_INACTIVE", () -> port.submitRegistration(registration("r", "3")));
        sim.setFormStatus(REGISTRATION_FORM_ID, "Active");

        SubmitRegistration noProcess = registration("r", "3");
        noProcess.setProcessId(8);
        assertFault("PROCESS_NOT_FOUND", () -> port.submitRegistration(noProcess));
        sim.setProcessStepStatus(PROCESS_ID, STEP_CONFIRMED, "Inactive");
        assertFault("PROCESS_STEP_INACTIVE", "702", () -> port.submitRegistration(registration("r", "3")));
        sim.setProcessStepStatus(PROCESS_ID, STEP_CONFIRMED, "Active");
        sim.setProcessPathStatus(PROCESS_ID, PATH_MANUAL_REVIEW, "Inactive");
        assertFault("PROCESS_PATH_INACTIVE", "752", () -> port.submitRegistration(registration("r", "3")));
        sim.setProcessPathStatus(PROCESS_ID, PATH_MANUAL_REVIEW, "Active");

        for (int id : new int[] {COURSE_DATE_CANCELLED, COURSE_DATE_DRAFT}) {
            SubmitRegistration r = registration("r", "3");
            r.setCourseDateId(id);
            assertFault("COURSE_DATE_NOT_ACTIVE", () -> port.submitRegistration(r));
        }
        SubmitRegistration unknownDate = registration("r", "3");
        unknownDate.setCourseDateId(1234);
        assertFault("COURSE_DATE_NOT_FOUND", () -> port.submitRegistration(unknownDate));

        assertFault("FIELD_NOT_FOUND", "999", () -> port.submitRegistration(alsoBadField));
        sim.setFieldStatus(REGISTRATION_FORM_ID, FIELD_PHONE, "Inactive");
        SubmitRegistration withPhone = registration("r", "3");
        withPhone.getFieldValue().add(value(FIELD_PHONE, "+1 555 0100"));
        assertFault("FIELD_INACTIVE", "104", () -> port.submitRegistration(withPhone));

        SubmitRegistration tooLong = registration("r", "3");
        tooLong.getFieldValue().add(value(FIELD_USI, "🎓".repeat(256)));
        assertFault("INVALID_VALUE", "108", () -> port.submitRegistration(tooLong));
        SubmitRegistration longRef = registration("x".repeat(101), "3");
        assertFault("INVALID_VALUE", "SourceReference", () -> port.submitRegistration(longRef));

        SubmitRegistration noLastName = registration("r", "3");
        noLastName.getFieldValue().removeIf(v -> v.getFieldId() == FIELD_LAST_NAME);
        assertFault("MANDATORY_FIELD_MISSING", "102", () -> port.submitRegistration(noLastName));
        SubmitRegistration blankFirst = registration("r", "3");
        blankFirst.getFieldValue().get(0).setValue("   ");
        assertFault("MANDATORY_FIELD_MISSING", "101", () -> port.submitRegistration(blankFirst));
        SubmitRegistration noContactEmail = registration("r", "3");
        noContactEmail.getFieldValue().removeIf(v -> v.getFieldId() == CONTACT_FIELD_EMAIL);
        port.submitRegistration(noContactEmail); // the registration form's "Email" (same Name) supplies it
        sim.clearDocuments();
        sim.addField(CONTACT_FORM_ID, 204, "Date of birth", "Date", true);
        assertFault("MANDATORY_FIELD_MISSING", "204", () -> port.submitRegistration(registration("r", "3")));
        sim.setFieldMandatory(CONTACT_FORM_ID, 204, false);
        sim.setFieldMandatory(REGISTRATION_FORM_ID, FIELD_MOODLE_ID, true);
        assertFault("MANDATORY_FIELD_MISSING", "106", () -> port.submitRegistration(registration("r", "3")));
        sim.setFieldMandatory(REGISTRATION_FORM_ID, FIELD_MOODLE_ID, false);
        assertEquals(0, sim.documents().size());

        SubmitRegistration maxLength = registration("y".repeat(100), "3");
        maxLength.getFieldValue().add(value(FIELD_USI, "🎓".repeat(255)));
        sim.addField(REGISTRATION_FORM_ID, 109, "Notes", "Textarea", false);
        maxLength.getFieldValue().add(value(109, "n".repeat(1000)));
        port.submitRegistration(maxLength);
        assertEquals(1, sim.documents().size());
    }

    // ----- faults on the wire -----

    @Test
    void faultcodeIsClientForRequestErrorsAndServerForRetryableOnes() throws Exception {
        HttpResponse<String> notFound = rawPost("GetForm", "<cs:GetForm><cs:LoginUsername>moodle-sync</cs:LoginUsername>"
                + "<cs:LoginPassword>demo-password</cs:LoginPassword><cs:FormId>999</cs:FormId></cs:GetForm>");
        assertEquals(500, notFound.statusCode());
        assertTrue(notFound.body().contains("<faultcode>soap:Client</faultcode>"), notFound.body());
        assertTrue(notFound.body().matches("(?s).*<(\\w+:)?Code>FORM_NOT_FOUND</(\\w+:)?Code>.*"), notFound.body());
        assertTrue(notFound.body().contains("<faultstring>"));

        sim.faultNextCalls(1, "RATE_LIMITED");
        HttpResponse<String> limited = rawPost("GetForm", "<cs:GetForm><cs:LoginUsername>moodle-sync</cs:LoginUsername>"
                + "<cs:LoginPassword>demo-password</cs:LoginPassword><cs:FormId>12</cs:FormId></cs:GetForm>");
        assertEquals(500, limited.statusCode());
        assertTrue(limited.body().contains("<faultcode>soap:Server</faultcode>"), limited.body());
        assertTrue(limited.body().contains("RATE_LIMITED</"), limited.body());

        HttpResponse<String> malformed = rawPost("GetForm", "<cs:GetForm><cs:LoginUsername>moodle-sync</cs:LoginUsername>"
                + "<cs:FormId>twelve</cs:FormId></cs:GetForm>");
        assertEquals(500, malformed.statusCode());
        assertTrue(malformed.body().contains("<faultcode>soap:Client</faultcode>"), malformed.body());
        assertTrue(malformed.body().contains("INVALID_VALUE</"), malformed.body());

        sim.faultNextCalls(2, "INTERNAL_ERROR");
        assertFault("INTERNAL_ERROR", () -> port.getForm(form(REGISTRATION_FORM_ID)));
        assertFault("INTERNAL_ERROR", () -> port.getForm(form(REGISTRATION_FORM_ID)));
        assertNotNull(port.getForm(form(REGISTRATION_FORM_ID)).getForm());
        assertEquals(0, sim.failedLoginAttempts());
    }

    @Test
    void threeWrongLoginsLockUntilUnlocked() throws Exception {
        GetForm wrong = form(REGISTRATION_FORM_ID);
        wrong.setLoginPassword("nope");
        assertFault("AUTHENTICATION_FAILED", () -> port.getForm(wrong));
        assertFault("AUTHENTICATION_FAILED", () -> port.getForm(wrong));
        port.getForm(form(REGISTRATION_FORM_ID)); // a success resets the run
        assertFault("AUTHENTICATION_FAILED", () -> port.getForm(wrong));
        assertFalse(sim.isLocked());
        assertFault("AUTHENTICATION_FAILED", () -> port.getForm(wrong));
        assertFault("AUTHENTICATION_FAILED", () -> port.submitRegistration(withPassword(registration("r", "3"), "x")));
        assertTrue(sim.isLocked());
        assertFault("ACCOUNT_LOCKED", () -> port.getForm(form(REGISTRATION_FORM_ID)));
        assertFault("ACCOUNT_LOCKED", () -> port.submitRegistration(registration("r", "3")));
        assertEquals(5, sim.failedLoginAttempts());
        assertEquals(0, sim.documents().size());

        sim.unlock();
        assertNotNull(port.getForm(form(REGISTRATION_FORM_ID)).getForm());
        sim.setCredentials("other", "secret");
        assertFault("AUTHENTICATION_FAILED", () -> port.getForm(form(REGISTRATION_FORM_ID)));
    }

    // ----- injected HTTP failures -----

    @Test
    void failNextCallsAnswersHttpStatusWithoutSoapBody() throws Exception {
        sim.failNextCalls(2, 503);
        for (int i = 0; i < 2; i++) {
            WebServiceException e = assertThrows(WebServiceException.class, () -> port.getForm(form(REGISTRATION_FORM_ID)));
            HTTPException http = cause(e, HTTPException.class);
            assertNotNull(http, "expected an HTTPException in " + e);
            assertEquals(503, http.getResponseCode());
        }
        assertNotNull(port.getForm(form(REGISTRATION_FORM_ID)).getForm());
        assertEquals(3, sim.callCount("GetForm"));

        sim.failNextCalls(1, 502);
        HttpResponse<String> raw = rawPost("GetForm", "<cs:GetForm/>");
        assertEquals(502, raw.statusCode());
        assertEquals("", raw.body());
    }

    @Test
    void droppedResponseStoresTheDocumentButTheClientFails() throws Exception {
        CourseSalesPortType impatient = client(sim.url(), 2_000);
        sim.dropResponseAfterAccept(1);
        long started = System.nanoTime();
        assertThrows(WebServiceException.class, () -> impatient.submitRegistration(registration("moodle:ue:77", "5")));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 5_000);
        assertEquals(1, sim.documentCount("moodle:ue:77"));
        assertEquals(1, impatient.findDocuments(find("moodle:ue:77", null, null)).getDocument().size());
        assertNotNull(impatient.submitRegistration(registration("moodle:ue:78", "5")).getDocumentExternalId());
        assertEquals(2, sim.documents().size());
        assertEquals(2, sim.callCount("SubmitRegistration"));
    }

    @Test
    void responseDelayBeyondTheClientTimeout() throws Exception {
        CourseSalesPortType impatient = client(sim.url(), 500);
        sim.setResponseDelay(Duration.ofMillis(1_500));
        assertThrows(WebServiceException.class, () -> impatient.submitRegistration(registration("moodle:ue:9", "5")));
        assertEquals(1, sim.documentCount("moodle:ue:9"));
        sim.setResponseDelay(Duration.ZERO);
        assertNotNull(impatient.getForm(form(REGISTRATION_FORM_ID)).getForm());
    }

    // ----- values -----

    @Test
    void valuesAreStoredExactly() throws Exception {
        String ref = "moodle:c3:u10 &<>\"' 🎓";
        SubmitRegistration r = registration(ref, "10 & <that> \"one\"");
        Map<Integer, String> expected = new LinkedHashMap<>();
        expected.put(FIELD_FIRST_NAME, "Seán Pádraig");
        expected.put(FIELD_LAST_NAME, "Ó Conchúir-O'Brien &<>\" 🎓👩🏽‍🔬");
        expected.put(FIELD_EMAIL, "Sean.OConchuir+x@Example.COM");
        expected.put(FIELD_MOBILE, "  +353 87 000 0000  ");
        expected.put(FIELD_USI, "小龍 李 <![CDATA[x]]> &amp;");
        expected.put(CONTACT_FIELD_FIRST_NAME, "Seán");
        expected.put(CONTACT_FIELD_LAST_NAME, "Ó Conchúir");
        expected.put(CONTACT_FIELD_EMAIL, "Sean.OConchuir+x@Example.COM");
        r.getFieldValue().clear();
        expected.forEach((id, v) -> r.getFieldValue().add(value(id, v)));
        port.submitRegistration(r);

        StoredDocument doc = sim.documents().get(0);
        assertEquals(expected, doc.fieldValues());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(doc.fieldValues().keySet()));
        assertEquals(ref, doc.sourceReference());
        assertEquals("10 & <that> \"one\"", doc.documentSourceId());
        assertEquals(1, sim.documentCount(ref));
        DocumentRecord found = port.findDocuments(find(ref, null, null)).getDocument().get(0);
        assertEquals(ref, found.getSourceReference());
    }

    @Test
    void duplicateSourceReferenceCreatesTwoDocuments() throws Exception {
        SubmitRegistrationResponse a = port.submitRegistration(registration("moodle:ue:1234", "3"));
        SubmitRegistrationResponse b = port.submitRegistration(registration("moodle:ue:1234", "3"));
        assertNotEquals(a.getDocumentId(), b.getDocumentId());
        assertEquals(2, sim.documentCount("moodle:ue:1234"));
        assertEquals(2, port.findDocuments(find("moodle:ue:1234", null, null)).getDocument().size());
    }

    // ----- lifecycle -----

    @Test
    void instancesAreIndependentAndPublishTheContractWsdl() throws Exception {
        try (CourseSalesSimulator other = CourseSalesSimulator.withDemoData().start(0)) {
            assertNotEquals(sim.url(), other.url());
            client(other.url(), 5_000).submitRegistration(registration("moodle:ue:5", "3"));
            assertEquals(1, other.documents().size());
            assertEquals(0, sim.documents().size());
            assertThrows(IllegalStateException.class, () -> other.start(0));
        }
        HttpResponse<String> wsdl = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(sim.url() + "?wsdl")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, wsdl.statusCode());
        assertTrue(wsdl.body().contains("CourseSalesPortType"));
        assertTrue(wsdl.body().contains(sim.url()), "soap:address is the public URL");
        assertEquals(0, sim.callCount("GetForm"));
    }

    // ----- helpers -----

    private static CourseSalesPortType client(String url, long receiveTimeoutMillis) {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(CourseSalesPortType.class);
        factory.setWsdlURL("classpath:wsdl/coursesales.wsdl");
        factory.setServiceName(CourseSalesService.SERVICE);
        factory.setEndpointName(CourseSalesService.CourseSalesPort);
        factory.setAddress(url);
        CourseSalesPortType p = (CourseSalesPortType) factory.create();
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(2_000);
        policy.setReceiveTimeout(receiveTimeoutMillis);
        ((HTTPConduit) ClientProxy.getClient(p).getConduit()).setClient(policy);
        return p;
    }

    private HttpResponse<String> rawPost(String operation, String bodyXml) throws Exception {
        String envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:cs=\"urn:coursesales:webservices:v1\"><soap:Body>" + bodyXml + "</soap:Body></soap:Envelope>";
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.url()))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"urn:coursesales:webservices:v1/" + operation + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void assertFault(String code, Callable<?> call) {
        assertFault(code, null, call);
    }

    private static void assertFault(String code, String messagePart, Callable<?> call) {
        CourseSalesFault_Exception e = assertThrows(CourseSalesFault_Exception.class, call::call);
        assertEquals(code, e.getFaultInfo().getCode(), e.getFaultInfo().getMessage());
        if (messagePart != null) {
            assertTrue(e.getFaultInfo().getMessage().contains(messagePart), e.getFaultInfo().getMessage());
        }
    }

    private static <T extends Throwable> T cause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    private static List<Integer> ids(List<CourseDateRecord> dates) {
        return dates.stream().map(CourseDateRecord::getCourseDateId).toList();
    }

    private static GetCourseDates courseDates(Integer moodleId) {
        GetCourseDates r = new GetCourseDates();
        r.setLoginUsername(USERNAME);
        r.setLoginPassword(PASSWORD);
        r.getCourseDateType().add("CourseDateList");
        r.setMoodleId(moodleId);
        return r;
    }

    private static GetOptions options(String detail, String... types) {
        GetOptions r = new GetOptions();
        r.setLoginUsername(USERNAME);
        r.setLoginPassword(PASSWORD);
        r.getOptionType().addAll(List.of(types));
        r.setOptionSoapDetail(detail);
        return r;
    }

    private static GetForm form(int formId) {
        GetForm r = new GetForm();
        r.setLoginUsername(USERNAME);
        r.setLoginPassword(PASSWORD);
        r.setFormId(formId);
        return r;
    }

    private static GetProcess process(int processId) {
        GetProcess r = new GetProcess();
        r.setLoginUsername(USERNAME);
        r.setLoginPassword(PASSWORD);
        r.setProcessId(processId);
        return r;
    }

    private static SubmitRegistration registration(String sourceReference, String documentSourceId) {
        SubmitRegistration r = new SubmitRegistration();
        r.setLoginUsername(USERNAME);
        r.setLoginPassword(PASSWORD);
        r.setFormId(REGISTRATION_FORM_ID);
        r.setProcessId(PROCESS_ID);
        r.setCourseDateId(COURSE_DATE_PHYS101);
        r.setDocumentSourceId(documentSourceId);
        r.setSourceReference(sourceReference);
        r.getFieldValue().add(value(FIELD_FIRST_NAME, "John"));
        r.getFieldValue().add(value(FIELD_LAST_NAME, "Doe"));
        r.getFieldValue().add(value(FIELD_EMAIL, "jdoe@example.com"));
        r.getFieldValue().add(value(CONTACT_FIELD_FIRST_NAME, "John"));
        r.getFieldValue().add(value(CONTACT_FIELD_LAST_NAME, "Doe"));
        r.getFieldValue().add(value(CONTACT_FIELD_EMAIL, "jdoe@example.com"));
        return r;
    }

    private static SubmitRegistration withPassword(SubmitRegistration r, String password) {
        r.setLoginPassword(password);
        return r;
    }

    private static FieldValueRecord value(int fieldId, String value) {
        FieldValueRecord v = new FieldValueRecord();
        v.setFieldId(fieldId);
        v.setValue(value);
        return v;
    }

    private static FindDocuments find(String sourceReference, String documentSourceId, Integer courseDateId) {
        FindDocuments r = new FindDocuments();
        r.setLoginUsername(USERNAME);
        r.setLoginPassword(PASSWORD);
        r.setSourceReference(sourceReference);
        r.setDocumentSourceId(documentSourceId);
        r.setCourseDateId(courseDateId);
        return r;
    }

    private static UpdateDocumentStatus update(String externalId, int stepId) {
        UpdateDocumentStatus r = new UpdateDocumentStatus();
        r.setLoginUsername(USERNAME);
        r.setLoginPassword(PASSWORD);
        r.setStatusTableName("Documents");
        r.setDocumentExternalId(externalId);
        r.setStatusStepId(stepId);
        return r;
    }
}
