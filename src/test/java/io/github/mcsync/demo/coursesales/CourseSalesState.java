package io.github.mcsync.demo.coursesales;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The simulator's in-memory CourseSales licence: login, forms, processes, options, course dates and
 * documents. Every access holds this object's monitor (callers that read several things at once
 * synchronize on it), so one state is safe to share between HTTP worker threads and a test.
 */
final class CourseSalesState {

    static final String ACTIVE = "Active";
    static final String SCHEDULED = "Scheduled";
    static final int LOCK_AFTER_FAILURES = 3;

    static final class Field {
        final int id;
        String name;
        String label;
        String type;
        String status = ACTIVE;
        boolean mandatory;
        String internalExportId;

        Field(int id) {
            this.id = id;
        }
    }

    static final class Form {
        final int id;
        String name;
        String recordType;
        String status = ACTIVE;
        boolean published = true;
        final Map<Integer, Field> fields = new LinkedHashMap<>();

        Form(int id) {
            this.id = id;
        }
    }

    /** A process step or path. */
    static final class Item {
        final int id;
        String name;
        String status = ACTIVE;

        Item(int id, String name, String status) {
            this.id = id;
            this.name = name;
            this.status = status;
        }
    }

    static final class Process {
        final int id;
        String name;
        String status = ACTIVE;
        final Map<Integer, Item> steps = new LinkedHashMap<>();
        final Map<Integer, Item> paths = new LinkedHashMap<>();

        Process(int id) {
            this.id = id;
        }
    }

    static final class Option {
        final int id;
        String type;
        String name;
        int depth = 1;
        Integer parentId;
        String status = ACTIVE;
        Integer moodleCategoryId;
        Integer formId;

        Option(int id) {
            this.id = id;
        }
    }

    static final class CourseDate {
        final int id;
        int courseMasterId;
        String name;
        String code;
        LocalDate startDate;
        LocalDate endDate;
        String status = SCHEDULED;
        boolean isPublic = true;
        int courseCategoryId;
        Integer moodleId;

        CourseDate(int id) {
            this.id = id;
        }
    }

    final Map<Integer, Form> forms = new LinkedHashMap<>();
    final Map<Integer, Process> processes = new LinkedHashMap<>();
    final Map<Integer, Option> options = new LinkedHashMap<>();
    final Map<Integer, CourseDate> courseDates = new LinkedHashMap<>();
    /** Course master status by id; a master not listed counts as Active. */
    final Map<Integer, String> courseMasterStatus = new HashMap<>();
    Integer contactFormId;

    private final List<StoredDocument> documents = new ArrayList<>();
    private final Map<String, Integer> contactsBySourceId = new HashMap<>();
    private int nextDocumentId = 1;
    private int nextContactId = 5001;

    private String username;
    private String password;
    private int consecutiveFailures;
    private int failedLogins;
    private boolean locked;

    // ----- login -----

    synchronized void setCredentials(String user, String pass) {
        this.username = user;
        this.password = pass;
    }

    /** Checks one call's login; returns null when accepted, else the fault code to answer. */
    synchronized String login(String user, String pass) {
        if (locked) {
            return FaultCodes.ACCOUNT_LOCKED;
        }
        if (username != null && Objects.equals(username, user) && Objects.equals(password, pass)) {
            consecutiveFailures = 0;
            return null;
        }
        failedLogins++;
        if (++consecutiveFailures >= LOCK_AFTER_FAILURES) {
            locked = true;
        }
        return FaultCodes.AUTHENTICATION_FAILED;
    }

    synchronized void unlock() {
        locked = false;
        consecutiveFailures = 0;
    }

    synchronized boolean isLocked() {
        return locked;
    }

    synchronized int failedLoginAttempts() {
        return failedLogins;
    }

    // ----- lookups that fail loudly (for the simulator's setters) -----

    synchronized Form form(int formId) {
        return require(forms.get(formId), "FormId", formId);
    }

    synchronized Field field(int formId, int fieldId) {
        return require(form(formId).fields.get(fieldId), "FieldId", fieldId);
    }

    synchronized Process process(int processId) {
        return require(processes.get(processId), "ProcessId", processId);
    }

    synchronized Option option(int optionId) {
        return require(options.get(optionId), "OptionId", optionId);
    }

    synchronized CourseDate courseDate(int courseDateId) {
        return require(courseDates.get(courseDateId), "CourseDateId", courseDateId);
    }

    private static <T> T require(T value, String what, int id) {
        if (value == null) {
            throw new IllegalArgumentException("The simulator has no " + what + " " + id);
        }
        return value;
    }

    // ----- documents -----

    /** Stores a validated submission; ContactId is matched on DocumentSourceId (one contact per person). */
    synchronized StoredDocument store(int formId, int processId, int courseDateId, String documentSourceId,
                                      String sourceReference, Map<Integer, String> values) {
        int id = nextDocumentId++;
        Integer contactId = contactsBySourceId.computeIfAbsent(documentSourceId, k -> nextContactId++);
        Integer firstStep = processes.get(processId).steps.keySet().stream().findFirst().orElse(null);
        StoredDocument doc = new StoredDocument(id, String.format("DOC-%06d", id), contactId, formId, processId,
                courseDateId, documentSourceId, sourceReference, values, firstStep);
        documents.add(doc);
        return doc;
    }

    synchronized List<StoredDocument> documents() {
        return List.copyOf(documents);
    }

    synchronized StoredDocument documentByExternalId(String externalId) {
        return documents.stream().filter(d -> d.documentExternalId().equals(externalId)).findFirst().orElse(null);
    }

    synchronized void replace(StoredDocument updated) {
        documents.replaceAll(d -> d.documentId() == updated.documentId() ? updated : d);
    }

    synchronized void clearDocuments() {
        documents.clear();
    }
}
