package io.github.mcsync.beans;

import io.github.mcsync.Settings;
import io.github.mcsync.enrolment.CourseLinker;
import io.github.mcsync.enrolment.FieldMapping;
import io.github.mcsync.enrolment.RegistrationMapper;
import io.github.mcsync.enrolment.identity.ClientIdentifiers;
import io.github.mcsync.enrolment.identity.IdentityAssignments;
import io.github.mcsync.enrolment.identity.IdentityStrategy;
import io.github.mcsync.validation.ConfigurationCheck;
import io.github.mcsync.validation.RecordCheck;
import io.github.mcsync.validation.RegistrationFactory;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;

/**
 * Validation against CourseSales' checklist (routes/validate.camel.yaml, routes/preflight.camel.yaml): the field
 * mapping (coursesales.form-id, .process-id, .field.*), course linking (moodle.offer-code-field), identity
 * (identity.strategy) and the registration builder.
 * <p>
 * Beans here depend on beans of earlier configuration classes, or on beans of this class that depend on none of it
 * (Camel orders a class's methods in those two levels only).
 */
public final class ValidationBeans implements CamelConfiguration {

    @BindToRegistry
    public FieldMapping fieldMapping(Settings s) {
        return new FieldMapping(s.getInt("coursesales.form-id"), s.getInt("coursesales.process-id"),
                s.optionalInt("coursesales.contact-form-id"),
                s.optionalInt("coursesales.field.first-name"), s.optionalInt("coursesales.field.last-name"),
                s.optionalInt("coursesales.field.email"), s.optionalInt("coursesales.field.phone"),
                s.optionalInt("coursesales.field.mobile"), s.optionalInt("coursesales.field.moodle-id"),
                s.optionalInt("coursesales.field.client-id"), s.optionalInt("coursesales.field.usi"),
                s.optional("moodle.usi-field").orElse(null));
    }

    @BindToRegistry
    public IdentityStrategy identityStrategy(Settings s) {
        return IdentityStrategy.parse(s.optional("identity.strategy").orElse(null));
    }

    @BindToRegistry
    public ConfigurationCheck configurationCheck(FieldMapping fieldMapping, IdentityStrategy identityStrategy) {
        return new ConfigurationCheck(fieldMapping, identityStrategy);
    }

    @BindToRegistry
    public RecordCheck recordCheck() {
        return new RecordCheck();
    }

    @BindToRegistry
    public CourseLinker courseLinker(Settings s) {
        return new CourseLinker(s.get("moodle.offer-code-field"));
    }

    @BindToRegistry
    public RegistrationFactory registrationFactory(FieldMapping fieldMapping, IdentityStrategy identityStrategy,
                                                   IdentityAssignments identityAssignments) {
        return new RegistrationFactory(new RegistrationMapper(fieldMapping),
                new ClientIdentifiers(identityStrategy, identityAssignments));
    }
}
