package io.github.mcsync.demo.coursesales;

import io.github.mcsync.demo.coursesales.CourseSalesState.CourseDate;
import io.github.mcsync.demo.coursesales.CourseSalesState.Field;
import io.github.mcsync.demo.coursesales.CourseSalesState.Form;
import io.github.mcsync.demo.coursesales.CourseSalesState.Item;
import io.github.mcsync.demo.coursesales.CourseSalesState.Option;
import io.github.mcsync.demo.coursesales.CourseSalesState.Process;
import java.time.LocalDate;
import java.util.Map;

/**
 * The simulated licence's data as tests and the demo edit it: login, forms and fields, processes, options
 * and course dates. Each setter changes exactly one thing and takes effect on the next call. Statuses are
 * the contract's strings ("Active", "Inactive", "Draft", "Scheduled", "Cancelled", ...).
 */
public abstract class SimulatedLicence {

    final CourseSalesState state = new CourseSalesState();

    SimulatedLicence() {
    }

    // ----- login -----

    public void setCredentials(String username, String password) {
        state.setCredentials(username, password);
    }

    /** Calls answered AUTHENTICATION_FAILED so far (calls refused while locked are not counted). */
    public int failedLoginAttempts() {
        return state.failedLoginAttempts();
    }

    public boolean isLocked() {
        return state.isLocked();
    }

    public void unlock() {
        state.unlock();
    }

    // ----- data: forms and fields -----

    public void addForm(int formId, String name, String recordType, String status, boolean published) {
        synchronized (state) {
            Form f = new Form(formId);
            f.name = name;
            f.recordType = recordType;
            f.status = status;
            f.published = published;
            state.forms.put(formId, f);
        }
    }

    public void setFormStatus(int formId, String status) {
        synchronized (state) {
            state.form(formId).status = status;
        }
    }

    public void setFormPublished(int formId, boolean published) {
        synchronized (state) {
            state.form(formId).published = published;
        }
    }

    /** "Documents" for a registration form, "Contacts" for a contact form. */
    public void setFormRecordType(int formId, String recordType) {
        synchronized (state) {
            state.form(formId).recordType = recordType;
        }
    }

    /** The contact form whose mandatory fields every SubmitRegistration must also fill; null for none. */
    public void setContactFormId(Integer formId) {
        synchronized (state) {
            state.contactFormId = formId;
        }
    }

    public void addField(int formId, int fieldId, String name, String type, boolean mandatory) {
        addField(formId, fieldId, name, type, mandatory, null);
    }

    public void addField(int formId, int fieldId, String name, String type, boolean mandatory,
                         String internalExportId) {
        synchronized (state) {
            Field f = new Field(fieldId);
            f.name = name;
            f.label = name;
            f.type = type;
            f.mandatory = mandatory;
            f.internalExportId = internalExportId;
            state.form(formId).fields.put(fieldId, f);
        }
    }

    public void setFieldStatus(int formId, int fieldId, String status) {
        synchronized (state) {
            state.field(formId, fieldId).status = status;
        }
    }

    public void setFieldMandatory(int formId, int fieldId, boolean mandatory) {
        synchronized (state) {
            state.field(formId, fieldId).mandatory = mandatory;
        }
    }

    // ----- data: processes -----

    public void addProcess(int processId, String name, String status) {
        synchronized (state) {
            Process p = new Process(processId);
            p.name = name;
            p.status = status;
            state.processes.put(processId, p);
        }
    }

    public void setProcessStatus(int processId, String status) {
        synchronized (state) {
            state.process(processId).status = status;
        }
    }

    public void addProcessStep(int processId, int stepId, String name, String status) {
        synchronized (state) {
            state.process(processId).steps.put(stepId, new Item(stepId, name, status));
        }
    }

    public void addProcessPath(int processId, int pathId, String name, String status) {
        synchronized (state) {
            state.process(processId).paths.put(pathId, new Item(pathId, name, status));
        }
    }

    public void setProcessStepStatus(int processId, int stepId, String status) {
        synchronized (state) {
            requireItem(state.process(processId).steps, stepId, "StepId").status = status;
        }
    }

    public void setProcessPathStatus(int processId, int pathId, String status) {
        synchronized (state) {
            requireItem(state.process(processId).paths, pathId, "PathId").status = status;
        }
    }

    private static Item requireItem(Map<Integer, Item> items, int id, String what) {
        Item item = items.get(id);
        if (item == null) {
            throw new IllegalArgumentException("The simulator has no " + what + " " + id);
        }
        return item;
    }

    // ----- data: options -----

    /** A top-level option (Depth 1); moodleCategoryId and formId may be null. */
    public void addOption(int optionId, String optionType, String name, String status, Integer moodleCategoryId,
                          Integer formId) {
        synchronized (state) {
            Option o = new Option(optionId);
            o.type = optionType;
            o.name = name;
            o.status = status;
            o.moodleCategoryId = moodleCategoryId;
            o.formId = formId;
            state.options.put(optionId, o);
        }
    }

    /** Makes an option a child of another (Depth = parent's Depth + 1). */
    public void setOptionParent(int optionId, int parentId) {
        synchronized (state) {
            Option o = state.option(optionId);
            o.parentId = parentId;
            o.depth = state.option(parentId).depth + 1;
        }
    }

    public void setOptionStatus(int optionId, String status) {
        synchronized (state) {
            state.option(optionId).status = status;
        }
    }

    public void setCategoryMoodleId(int optionId, Integer moodleCategoryId) {
        synchronized (state) {
            state.option(optionId).moodleCategoryId = moodleCategoryId;
        }
    }

    // ----- data: course dates -----

    /** A Scheduled, Public course date on its own (Active) course master, starting in 30 days. */
    public void addCourseDate(int courseDateId, String name, String code, Integer moodleId, int courseCategoryId) {
        LocalDate start = LocalDate.now().plusDays(30);
        addCourseDate(courseDateId, courseDateId, name, code, start, start.plusWeeks(12), "Scheduled", true,
                courseCategoryId, moodleId);
    }

    public void addCourseDate(int courseDateId, int courseMasterId, String name, String code, LocalDate startDate,
                              LocalDate endDate, String status, boolean isPublic, int courseCategoryId,
                              Integer moodleId) {
        synchronized (state) {
            CourseDate cd = new CourseDate(courseDateId);
            cd.courseMasterId = courseMasterId;
            cd.name = name;
            cd.code = code;
            cd.startDate = startDate;
            cd.endDate = endDate;
            cd.status = status;
            cd.isPublic = isPublic;
            cd.courseCategoryId = courseCategoryId;
            cd.moodleId = moodleId;
            state.courseDates.put(courseDateId, cd);
        }
    }

    public void setCourseDateStatus(int courseDateId, String status) {
        synchronized (state) {
            state.courseDate(courseDateId).status = status;
        }
    }

    public void setCourseDatePublic(int courseDateId, boolean isPublic) {
        synchronized (state) {
            state.courseDate(courseDateId).isPublic = isPublic;
        }
    }

    public void setCourseDateMoodleId(int courseDateId, Integer moodleId) {
        synchronized (state) {
            state.courseDate(courseDateId).moodleId = moodleId;
        }
    }

    public void setCourseDateCode(int courseDateId, String code) {
        synchronized (state) {
            state.courseDate(courseDateId).code = code;
        }
    }

    public void setCourseMasterStatus(int courseMasterId, String status) {
        synchronized (state) {
            state.courseMasterStatus.put(courseMasterId, status);
        }
    }
}
