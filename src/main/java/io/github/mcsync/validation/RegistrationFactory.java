package io.github.mcsync.validation;

import io.github.mcsync.coursesales.CourseSalesMetadata;
import io.github.mcsync.coursesales.CourseSalesMetadata.CourseDate;
import io.github.mcsync.enrolment.Enrolment;
import io.github.mcsync.enrolment.FieldMapping;
import io.github.mcsync.failure.ReasonCode;
import io.github.mcsync.failure.RecordRejectedException;
import io.github.mcsync.enrolment.Registration;
import io.github.mcsync.enrolment.RegistrationMapper;
import io.github.mcsync.enrolment.identity.ClientIdField;
import io.github.mcsync.enrolment.identity.ClientIdentifiers;
import io.github.mcsync.enrolment.identity.Identity;
import io.github.mcsync.enrolment.identity.UsiRule;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the registration of a validated record: its AVETMISS client identifier (identity strategy), its
 * USI (format-checked) and the mapped field values.
 */
public final class RegistrationFactory {
    private final RegistrationMapper mapper;
    private final ClientIdentifiers identifiers;

    public RegistrationFactory(RegistrationMapper mapper, ClientIdentifiers identifiers) {
        this.mapper = mapper;
        this.identifiers = identifiers;
    }

    public Registration prepare(Enrolment e, CourseDate courseDate, CourseSalesMetadata metadata) {
        FieldMapping mapping = mapper.mapping();
        Map<Integer, String> extra = new LinkedHashMap<>();
        Identity identity = identifiers.identify(e);
        if (identity.clientIdValue() != null) {
            try {
                extra.put(ClientIdField.resolve(mapping.clientId(), metadata.registrationForm()), identity.clientIdValue());
            } catch (ClientIdField.Unresolved noField) {
                if (identity.clientIdRequired()) {
                    throw new RecordRejectedException(ReasonCode.CLIENT_ID_INVALID, "client identifier '"
                            + identity.clientIdValue() + "' has no field to go in: " + noField.getMessage());
                }
            }
        }
        if (mapping.usi() != null && mapping.usiProfileField() != null) {
            String usi = e.customFields().get(mapping.usiProfileField());
            if (usi != null && !usi.isBlank()) {
                UsiRule.check(usi);
                extra.put(mapping.usi(), usi);
            }
        }
        return mapper.map(e, courseDate.courseDateId(), extra);
    }
}
