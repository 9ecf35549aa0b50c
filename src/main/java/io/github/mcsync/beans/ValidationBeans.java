package io.github.mcsync.beans;

import io.github.mcsync.Settings;
import io.github.mcsync.enrolment.CourseLinker;
import io.github.mcsync.enrolment.FieldMapping;
import io.github.mcsync.enrolment.RegistrationMapper;
import io.github.mcsync.enrolment.identity.ClientIdentifiers;
import io.github.mcsync.enrolment.identity.IdentityAssignments;
import io.github.mcsync.enrolment.identity.IdentityStrategy;
import io.github.mcsync.validation.Checklist;
import io.github.mcsync.validation.FieldExpressions;
import io.github.mcsync.validation.RegistrationFactory;
import io.github.mcsync.validation.ValueCheck;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/**
 * Validation against CourseSales' checklist (routes/validate.camel.yaml, routes/preflight.camel.yaml): the field
 * mapping (coursesales.form-id, .process-id, .field.*, .fields.*), course linking (moodle.offer-code-field,
 * coursesales.timezone), identity (identity.strategy) and the registration builder.
 * <p>
 * Beans here depend on beans of earlier configuration classes, or on beans of this class that depend on none of it
 * (Camel orders a class's methods in those two levels only).
 */
public final class ValidationBeans implements CamelConfiguration {

    /** The one definition of the mapping; a malformed one stops the start with one line naming the property. */
    @BindToRegistry
    public FieldMapping fieldMapping(Settings s, CamelContext context) {
        Map<String, String> properties = new HashMap<>(s.withPrefix(FieldMapping.FIELDS_PREFIX));
        FieldMapping.propertyNames().forEach(name -> s.optional(name).ifPresent(v -> properties.put(name, v)));
        return FieldMapping.read(s.getInt("coursesales.form-id"), s.getInt("coursesales.process-id"), properties,
                new FieldExpressions(context));
    }

    @BindToRegistry
    public IdentityStrategy identityStrategy(Settings s) {
        return IdentityStrategy.parse(s.optional("identity.strategy").orElse(null));
    }

    @BindToRegistry
    public CourseLinker courseLinker(Settings s, Clock clock) {
        String zone = s.get("coursesales.timezone");
        try {
            return new CourseLinker(s.get("moodle.offer-code-field"), clock, ZoneId.of(zone));
        } catch (DateTimeException e) {
            throw new IllegalStateException("Configuration coursesales.timezone must be a time zone such as"
                    + " Australia/Sydney, was '" + zone + "'");
        }
    }

    @BindToRegistry
    public Checklist checklist(FieldMapping fieldMapping, IdentityStrategy identityStrategy) {
        return new Checklist(fieldMapping, identityStrategy);
    }

    @BindToRegistry
    public ValueCheck valueCheck(FieldMapping fieldMapping) {
        return new ValueCheck(fieldMapping);
    }

    @BindToRegistry
    public RegistrationFactory registrationFactory(FieldMapping fieldMapping, IdentityStrategy identityStrategy,
                                                   IdentityAssignments identityAssignments) {
        return new RegistrationFactory(new RegistrationMapper(fieldMapping),
                new ClientIdentifiers(identityStrategy, identityAssignments));
    }
}
