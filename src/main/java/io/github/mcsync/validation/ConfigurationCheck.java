package io.github.mcsync.validation;

import io.github.mcsync.failure.Problem;
import io.github.mcsync.failure.ConfigurationProblemException;

import io.github.mcsync.coursesales.CourseSalesMetadata;
import io.github.mcsync.coursesales.CourseSalesMetadata.Field;
import io.github.mcsync.coursesales.CourseSalesMetadata.Form;
import io.github.mcsync.coursesales.CourseSalesMetadata.Item;
import io.github.mcsync.enrolment.FieldMapping;
import io.github.mcsync.enrolment.identity.ClientIdField;
import io.github.mcsync.enrolment.identity.IdentityStrategy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The configuration-level checks of CourseSales' Moodle checklist: the same answer for every record.
 * Configured FieldIds exist and are Active; the registration form is Active and Published; every mandatory
 * field of the form is mapped; the process's steps and paths are Active; the contact form's mandatory fields
 * are supplied by the mapping (directly, or by the registration form's field of the same Name).
 */
public final class ConfigurationCheck {
    private static final String ACTIVE = "Active";

    private final FieldMapping mapping;
    private final IdentityStrategy strategy;

    public ConfigurationCheck(FieldMapping mapping, IdentityStrategy strategy) {
        this.mapping = mapping;
        this.strategy = strategy;
    }

    /** Throws {@link ConfigurationProblemException} when anything is wrong. */
    public void require(CourseSalesMetadata metadata) {
        List<Problem> problems = problems(metadata);
        if (!problems.isEmpty()) {
            throw new ConfigurationProblemException(problems);
        }
    }

    public boolean hasProblems(CourseSalesMetadata metadata) {
        return !problems(metadata).isEmpty();
    }

    public List<Problem> problems(CourseSalesMetadata m) {
        List<Problem> out = new ArrayList<>();
        Form form = m.registrationForm();
        String formName = "Form " + form.formId() + " '" + form.name() + "'";
        if (!ACTIVE.equals(form.status())) {
            out.add(new Problem("FORM_INACTIVE", formName + " is " + form.status(),
                    "set its status to Active under Forms in CourseSales"));
        }
        if (!form.published()) {
            out.add(new Problem("FORM_NOT_PUBLISHED", formName + " is not published", "publish it under Forms in CourseSales"));
        }
        mappedFields().forEach((property, fieldId) -> {
            var field = form.field(fieldId);
            if (field.isEmpty()) {
                out.add(new Problem("FIELD_NOT_FOUND", "FieldId " + fieldId + " (" + property + ") is not on " + formName,
                        "correct " + property + " or add the field to the form in CourseSales"));
            } else if (!ACTIVE.equals(field.get().status())) {
                out.add(new Problem("FIELD_INACTIVE", "FieldId " + fieldId + " '" + field.get().name() + "' (" + property
                        + ") on " + formName + " is " + field.get().status(), "set the field Active in CourseSales"));
            }
        });
        Set<Integer> mapped = Set.copyOf(mappedFields().values());
        for (Field f : form.fields()) {
            if (f.mandatory() && ACTIVE.equals(f.status()) && !mapped.contains(f.fieldId())) {
                out.add(new Problem("MISSING_REQUIRED_VALUE", "Mandatory FieldId " + f.fieldId() + " '" + f.name() + "' of "
                        + formName + " gets no value from Moodle",
                        "make it optional in CourseSales or map a Moodle value to it (coursesales.field.*)"));
            }
        }
        if (m.contactForm() != null) {
            Set<String> suppliedNames = form.fields().stream().filter(f -> mapped.contains(f.fieldId()))
                    .map(Field::name).collect(Collectors.toSet());
            for (Field f : m.contactForm().fields()) {
                if (f.mandatory() && ACTIVE.equals(f.status()) && !mapped.contains(f.fieldId())
                        && !suppliedNames.contains(f.name())) {
                    out.add(new Problem("CONTACT_FORM_MANDATORY_FIELD", "Mandatory field " + f.fieldId() + " '" + f.name()
                            + "' of contact form " + m.contactForm().formId() + " '" + m.contactForm().name()
                            + "' is supplied by no mapped field", "make it optional on the contact form in CourseSales, "
                            + "or add and map a registration field named '" + f.name() + "'"));
                }
            }
        }
        if (strategy.needsClientIdField()) {
            try {
                ClientIdField.resolve(mapping.clientId(), form);
            } catch (ClientIdField.Unresolved e) {
                out.add(new Problem("CLIENT_ID_FIELD", "identity.strategy=" + strategy.property() + " needs a client identifier"
                        + " field, but " + e.getMessage(), "set coursesales.field.client-id or the field's Internal Export Id"));
            }
        }
        var process = m.process();
        String processName = "Process " + process.processId() + " '" + process.name() + "'";
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

    /** Configured FieldIds by property name, in mapping order. */
    Map<String, Integer> mappedFields() {
        Map<String, Integer> m = new LinkedHashMap<>();
        put(m, "coursesales.field.first-name", mapping.firstName());
        put(m, "coursesales.field.last-name", mapping.lastName());
        put(m, "coursesales.field.email", mapping.email());
        put(m, "coursesales.field.phone", mapping.phone());
        put(m, "coursesales.field.mobile", mapping.mobile());
        put(m, "coursesales.field.moodle-id", mapping.moodleId());
        put(m, "coursesales.field.client-id", mapping.clientId());
        put(m, "coursesales.field.usi", mapping.usi());
        return m;
    }

    private static void put(Map<String, Integer> m, String key, Integer value) {
        if (Objects.nonNull(value)) {
            m.put(key, value);
        }
    }
}
